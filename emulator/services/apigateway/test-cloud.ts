import { createEdge, listen } from '../../core/edge.js';
import { json } from '../../core/http.js';
import { type Service, ServiceRegistry } from '../../core/service.js';
import { MemoryStore } from '../../core/store.js';
import { SERVICES } from '../index.js';
import type { InvokeRequest, InvokeResult, LambdaInvoker } from '../lambda/invoker.js';
import type { MetricDatum, MetricSink } from '../monitoring/metric-sink.js';

/** For tests: stands in for the Lambda service, records each invocation and answers what the test says. */
export class RecordingLambda implements Service, LambdaInvoker {
  readonly name = 'lambda';
  calls: InvokeRequest[] = [];
  answer: (req: InvokeRequest) => Partial<InvokeResult> | Promise<Partial<InvokeResult>> = () => ({
    payload: Buffer.from(JSON.stringify({ statusCode: 200, body: 'ok' })),
  });
  async handle() {
    return json(501, { message: 'test stand-in' });
  }
  async invoke(req: InvokeRequest): Promise<InvokeResult> {
    this.calls.push(req);
    return { statusCode: 200, payload: Buffer.alloc(0), executedVersion: '$LATEST', logTail: '', ...(await this.answer(req)) };
  }
  event(index = -1): any {
    return JSON.parse(this.calls.at(index)!.payload.toString('utf8'));
  }
}

/** For tests: stands in for CloudWatch metrics, records what services emit. */
export class RecordingMetrics implements Service, MetricSink {
  readonly name = 'monitoring';
  data: Array<MetricDatum & { account: string; region: string }> = [];
  async handle() {
    return json(501, { message: 'test stand-in' });
  }
  record(account: string, region: string, data: MetricDatum[]): void {
    this.data.push(...data.map((d) => ({ ...d, account, region })));
  }
}

export interface RecordingCloud {
  url: string;
  port: number;
  clientConfig: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  close(): Promise<void>;
}

/** A local cloud with every service, except the given stand-ins (Lambda, metrics) in place of the real ones. */
export async function startRecordingCloud(standIns: Service[], account = '000000000000'): Promise<RecordingCloud> {
  const store = new MemoryStore();
  const services = new ServiceRegistry();
  let edgeUrl = 'http://localhost';
  const ctx = { store, services, edgeUrl: () => edgeUrl, log: () => {} };
  for (const factory of SERVICES) services.add(factory.create(ctx));
  for (const standIn of standIns) services.add(standIn);
  const server = createEdge({ services, store, adminRoutes: new Map(), defaultAccount: account, defaultRegion: 'us-east-1' });
  const port = await listen(server, 0, '127.0.0.1');
  edgeUrl = `http://127.0.0.1:${port}`;
  return {
    url: edgeUrl,
    port,
    clientConfig: { endpoint: edgeUrl, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const service of services.all()) await service.close?.();
    },
  };
}
