import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEdge, listen } from '../../core/edge.js';
import { ServiceRegistry } from '../../core/service.js';
import { MemoryStore } from '../../core/store.js';
import { LogsService } from '../logs/index.js';
import { LambdaService } from './index.js';

const CODE = `
exports.handler = async (event) => {
  if (event.ms) await new Promise((resolve) => setTimeout(resolve, event.ms));
  return process.pid;
};`;

// One eager environment, up to twelve: quick invocations share the warm one, stuck ones scale out.
describe('Lambda scaling out', () => {
  const store = new MemoryStore();
  const services = new ServiceRegistry();
  let edgeUrl = 'http://localhost';
  const ctx = { store, services, edgeUrl: () => edgeUrl, log: () => {} };
  const service = new LambdaService(ctx, { eagerEnvironmentsPerFunction: 1, maxEnvironmentsPerFunction: 12 });
  services.add(new LogsService(ctx));
  services.add(service);
  const server = createEdge({ services, store, adminRoutes: new Map(), defaultAccount: '000000000000', defaultRegion: 'us-east-1' });

  beforeAll(async () => {
    const port = await listen(server, 0, '127.0.0.1');
    edgeUrl = `http://127.0.0.1:${port}`;
    const client = new LambdaClient({
      endpoint: edgeUrl,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    for (const name of ['quick-fn', 'slow-fn']) {
      await client.send(
        new CreateFunctionCommand({
          FunctionName: name,
          Runtime: 'nodejs20.x',
          Role: 'arn:aws:iam::000000000000:role/lambda-role',
          Handler: 'index.handler',
          Code: { ZipFile: zipSync({ 'index.js': strToU8(CODE) }) },
        }),
      );
    }
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await service.close();
  });

  const pidOf = async (functionName: string, event: object) => {
    const result = await service.invoke({
      account: '000000000000',
      region: 'us-east-1',
      functionName,
      payload: Buffer.from(JSON.stringify(event)),
    });
    expect(result.functionError).toBeUndefined();
    return JSON.parse(result.payload.toString()) as number;
  };

  it('runs a burst of quick invocations in fewer environments than invocations, the queue moving', async () => {
    await pidOf('quick-fn', {});
    const pids = await Promise.all(Array.from({ length: 12 }, () => pidOf('quick-fn', {})));
    expect(new Set(pids).size).toBeLessThan(12);
  });

  it('gives invocations that keep the environments busy an environment each', async () => {
    const pids = await Promise.all(Array.from({ length: 4 }, () => pidOf('slow-fn', { ms: 1500 })));
    expect(new Set(pids).size).toBe(4);
  });
});
