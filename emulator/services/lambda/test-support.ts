import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { type AdminRoute, createEdge, listen } from '../../core/edge.js';
import type { Service } from '../../core/service.js';
import { ServiceRegistry } from '../../core/service.js';
import { MemoryStore } from '../../core/store.js';
import { LogsService } from '../logs/index.js';
import type { MetricDatum, MetricSink } from '../monitoring/metric-sink.js';
import { LambdaService, type LambdaServiceOptions, lambdaAdminRoutes } from './index.js';

export const ROLE = 'arn:aws:iam::000000000000:role/lambda-role';

export const zip = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));

export const decode = (payload: Uint8Array | undefined) => JSON.parse(Buffer.from(payload ?? []).toString('utf8'));

/** A handler telling which code and which version ran, in which environment. */
export const versionedCode = (marker: string) =>
  zip({
    'index.js': `
exports.handler = async (event, context) => {
  if (event.fail) throw new Error('failed on purpose');
  if (event.ms) await new Promise((resolve) => setTimeout(resolve, event.ms));
  console.log('running ${marker}');
  return {
    marker: '${marker}',
    version: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    functionVersion: context.functionVersion,
    invokedFunctionArn: context.invokedFunctionArn,
    logStreamName: context.logStreamName,
    pid: process.pid,
  };
};
`,
  });

/** Records what Lambda hands to CloudWatch, standing in for the monitoring service. */
export class RecordingMetricSink implements Service, MetricSink {
  readonly name = 'monitoring';
  readonly data: MetricDatum[] = [];
  async handle(): Promise<never> {
    throw new Error('not an endpoint');
  }
  record(_account: string, _region: string, data: MetricDatum[]): void {
    this.data.push(...data);
  }
}

export interface LambdaTestEdge {
  url: string;
  lambda: LambdaClient;
  /** A client that does not retry (throttles reach the test). */
  once: LambdaClient;
  logs: CloudWatchLogsClient;
  service: LambdaService;
  metrics?: RecordingMetricSink;
  close(): Promise<void>;
}

/** An edge with Lambda, CloudWatch Logs and (optionally) a metric recorder, for driving Lambda through the SDK. */
export async function startLambdaTestEdge(options: LambdaServiceOptions & { metrics?: boolean } = {}): Promise<LambdaTestEdge> {
  const store = new MemoryStore();
  const services = new ServiceRegistry();
  let edgeUrl = 'http://127.0.0.1';
  const ctx = { store, services, edgeUrl: () => edgeUrl, log: () => {} };
  const service = new LambdaService(ctx, options);
  const logsService = new LogsService(ctx);
  services.add(logsService);
  services.add(service);
  const metrics = options.metrics ? new RecordingMetricSink() : undefined;
  if (metrics) services.add(metrics);
  const adminRoutes = new Map<string, AdminRoute>(Object.entries(lambdaAdminRoutes(service)));
  const server = createEdge({ services, store, adminRoutes, defaultAccount: '000000000000', defaultRegion: 'us-east-1' });
  const port = await listen(server, 0, '127.0.0.1');
  edgeUrl = `http://127.0.0.1:${port}`;
  const config = { endpoint: edgeUrl, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  return {
    url: edgeUrl,
    lambda: new LambdaClient(config),
    once: new LambdaClient({ ...config, maxAttempts: 1 }),
    logs: new CloudWatchLogsClient(config),
    service,
    ...(metrics ? { metrics } : {}),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.close();
      await (logsService as Service).close?.();
    },
  };
}
