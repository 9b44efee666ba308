import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  GetExportCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from '@aws-sdk/client-api-gateway';
import { CloudFrontClient, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, ROLE, zip } from '../emulator/services/lambda/test-support.js';
import { hostRequest } from '../emulator/services/s3/host-request.js';
import { freePort } from './reliability/support/cloud-process.js';

const ROOT = join(import.meta.dirname, '..');

/** Runs a built bundle until its output holds `ready`; returns the process and what it printed. */
async function run(args: string[], env: Record<string, string>, ready: string): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) resolve();
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`)));
  });
  return { child, output: () => output };
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** What `npm run emulator` and `npm start` run: the bundles of scripts/build.mjs, not the TypeScript sources. */
describe('the built bundles', { timeout: 120_000 }, () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
  }, 120_000);

  describe('dist/emulator.mjs', () => {
    let child: ChildProcess | undefined;
    let config: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string }; forcePathStyle: true };

    beforeAll(async () => {
      const port = await freePort();
      ({ child } = await run(['dist/emulator.mjs'], { PORT: String(port), EMULATOR_PERSIST: '0' }, 'listening'));
      config = {
        endpoint: `http://127.0.0.1:${port}`,
        region: 'us-east-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        forcePathStyle: true,
      };
    }, 60_000);
    afterAll(() => stop(child));

    it('serves the console page and the health of every service', async () => {
      const page = await fetch(`${config.endpoint}/_emulator/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
      const health = (await (await fetch(`${config.endpoint}/_emulator/health`)).json()) as { services: Record<string, unknown> };
      expect(Object.keys(health.services)).toEqual(expect.arrayContaining(['dynamodb', 's3', 'lambda', 'cloudfront', 'monitoring']));
    });

    it('runs a function through the runtime bootstrap it ships', async () => {
      const lambda = new LambdaClient(config);
      await lambda.send(
        new CreateFunctionCommand({
          FunctionName: 'echo',
          Runtime: 'nodejs20.x',
          Role: ROLE,
          Handler: 'index.handler',
          Code: { ZipFile: zip({ 'index.js': 'exports.handler = async (event) => ({ echoed: event });' }) },
        }),
      );
      const result = await lambda.send(new InvokeCommand({ FunctionName: 'echo', Payload: JSON.stringify({ hi: 1 }) }));
      expect(decode(result.Payload)).toEqual({ echoed: { hi: 1 } });
    });

    it('loads what it loads on first use: the CloudFront schemas, the XML parser, the YAML writer', async () => {
      expect((await new CloudFrontClient(config).send(new ListDistributionsCommand({}))).DistributionList?.Quantity).toBe(0);
      const s3 = new S3Client(config);
      await s3.send(new CreateBucketCommand({ Bucket: 'bundle-check' }));
      await s3.send(new PutObjectCommand({ Bucket: 'bundle-check', Key: 'a.txt', Body: 'a' }));
      expect((await s3.send(new ListObjectsV2Command({ Bucket: 'bundle-check' }))).Contents?.map((o) => o.Key)).toEqual(['a.txt']);
      const apigateway = new APIGatewayClient(config);
      const api = await apigateway.send(new CreateRestApiCommand({ name: 'bundle-check' }));
      const root = (await apigateway.send(new GetResourcesCommand({ restApiId: api.id }))).items![0]!;
      await apigateway.send(new PutMethodCommand({ restApiId: api.id, resourceId: root.id, httpMethod: 'GET', authorizationType: 'NONE' }));
      await apigateway.send(new PutIntegrationCommand({ restApiId: api.id, resourceId: root.id, httpMethod: 'GET', type: 'MOCK' }));
      await apigateway.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'test' }));
      const exported = await apigateway.send(
        new GetExportCommand({ restApiId: api.id, stageName: 'test', exportType: 'oas30', accepts: 'application/yaml' }),
      );
      expect(Buffer.from(exported.body!).toString()).toMatch(/^openapi: "?3\.0\.1"?$/m);
    });
  });

  it('dist/start.mjs brings up the whole chat and serves its client through CloudFront', async () => {
    const outputs = mkdtempSync(join(tmpdir(), 'bundle-outputs-'));
    const port = await freePort();
    let child: ChildProcess | undefined;
    try {
      const started = await run(
        ['scripts/build.mjs', '--run', 'start'],
        { PORT: String(port), EMULATOR_PERSIST: '0', OUTPUTS_DIR: outputs },
        'Ctrl-C',
      );
      child = started.child;
      const cdnUrl = /CloudFront\s+(http\S+)/.exec(started.output())![1]!;
      const index = await hostRequest(port, new URL(cdnUrl).host, '/');
      expect(index.status).toBe(200);
      expect(index.body).toContain('<div id="app"');
    } finally {
      await stop(child);
      rmSync(outputs, { recursive: true, force: true });
    }
  });
});
