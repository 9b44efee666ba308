/**
 * lambda_cold_ms / lambda_warm_ms: Invoke round trips through @aws-sdk/client-lambda against the
 * in-process local cloud. Cold: the first invoke of a new execution environment (median of 5
 * functions); warm: median of 200 invokes of a warm one. No peer: moto runs Lambda only in Docker.
 */
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { zipSync } from 'fflate';
import { startLocalCloud } from '../emulator/index.js';
import { fmt, median } from './support.js';

const CODE = 'exports.handler = async (event) => ({ ok: true, echo: event });';

export async function runLambdaBench(): Promise<{ coldMs: number; warmMs: number }> {
  const cloud = await startLocalCloud({ port: 0, host: '127.0.0.1' });
  try {
    const lambda = new LambdaClient({
      endpoint: cloud.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const zip = zipSync({ 'index.js': new TextEncoder().encode(CODE) });
    const cold: number[] = [];
    for (let i = 0; i < 5; i++) {
      const name = `bench-${i}`;
      await lambda.send(
        new CreateFunctionCommand({
          FunctionName: name,
          Runtime: 'nodejs20.x',
          Role: 'arn:aws:iam::000000000000:role/bench',
          Handler: 'index.handler',
          Code: { ZipFile: zip },
        }),
      );
      const started = performance.now();
      await lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('{"n":1}') }));
      cold.push(performance.now() - started);
    }
    const warm: number[] = [];
    for (let i = 0; i < 20; i++) await lambda.send(new InvokeCommand({ FunctionName: 'bench-0', Payload: Buffer.from('{}') }));
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await lambda.send(new InvokeCommand({ FunctionName: 'bench-0', Payload: Buffer.from(`{"n":${i}}`) }));
      warm.push(performance.now() - started);
    }
    const result = { coldMs: median(cold), warmMs: median(warm) };
    console.log('\nLambda Invoke round trip (SDK → local cloud → Node runtime → back)');
    console.log(`  cold (new environment, median of 5)  ${fmt(result.coldMs)} ms`);
    console.log(`  warm (median of 200)                 ${fmt(result.warmMs, 2)} ms`);
    console.log('  peer: none here (moto runs Lambda only in Docker)');
    return result;
  } finally {
    await cloud.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runLambdaBench();
