import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { AddPermissionCommand, CreateFunctionCommand, LambdaClient, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../local-cloud.js';
import { callApi, errorMessage } from './support/api.js';

/** Provisioning a stack on a loaded two-core machine can take a minute. */
const SETUP_TIMEOUT_MS = 180_000;

/** A function that misbehaves in the way its path asks for. */
const FAULTY = `
exports.handler = async (event) => {
  const kind = (event.pathParameters && event.pathParameters.kind) || event.kind;
  if (kind === 'throw') throw new Error('boom');
  if (kind === 'client-error') throw new Error('[400] bad kind');
  if (kind === 'reject') return Promise.reject('not even an Error');
  if (kind === 'hang') { setInterval(() => {}, 1000); return new Promise(() => {}); }
  if (kind === 'spin') { for (;;) {} }
  if (kind === 'slow') { await new Promise((resolve) => setTimeout(resolve, 1500)); }
  if (kind === 'exit') process.exit(3);
  if (kind === 'crash-later') { setTimeout(() => { throw new Error('uncaught after the answer'); }, 0); }
  if (kind === 'oom') { const hog = []; for (;;) hog.push(new Array(1e6).fill(Math.random())); }
  if (kind === 'not-proxy') return 'a string is not a proxy response';
  if (kind === 'bad-status') return { statusCode: 'abc', body: 'x' };
  return { statusCode: 200, body: JSON.stringify({ ok: true, kind }) };
};
`;

/**
 * Functions that throw, hang, exit or run out of memory behind API Gateway: the request gets a
 * 502 (or 504 when the integration gives up first) with a message, and the next request works.
 */
describe('API Gateway and Lambda when the function fails', { timeout: 120_000 }, () => {
  let cloud: TestCloud;
  let apiUrl: string;

  beforeAll(async () => {
    cloud = await startTestCloud();
    const lambda = new LambdaClient(cloud.clientConfig);
    const apigateway = new APIGatewayClient(cloud.clientConfig);
    const fn = await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'Faulty',
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Role: 'arn:aws:iam::000000000000:role/faulty',
        Code: { ZipFile: zipSync({ 'index.js': strToU8(FAULTY) }) },
        Timeout: 2,
        MemorySize: 128,
      }),
    );
    await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { FunctionName: 'Faulty' });
    const api = await apigateway.send(new CreateRestApiCommand({ name: 'Faults' }));
    // /fault/{kind} waits for the function as long as API Gateway allows; /impatient/{kind} gives up after 500 ms.
    for (const [pathPart, timeoutInMillis] of [
      ['fault', undefined],
      ['impatient', 500],
    ] as const) {
      const parent = await apigateway.send(new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart }));
      const kind = await apigateway.send(new CreateResourceCommand({ restApiId: api.id, parentId: parent.id, pathPart: '{kind}' }));
      await apigateway.send(new PutMethodCommand({ restApiId: api.id, resourceId: kind.id, httpMethod: 'GET', authorizationType: 'NONE' }));
      await apigateway.send(
        new PutIntegrationCommand({
          restApiId: api.id,
          resourceId: kind.id,
          httpMethod: 'GET',
          type: 'AWS_PROXY',
          integrationHttpMethod: 'POST',
          uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn.FunctionArn}/invocations`,
          timeoutInMillis,
        }),
      );
    }
    // /mapped/{kind} in mapping mode, as the chat routes: `[400] ...` errors map to 400, any other failure to a 500.
    const mapped = await apigateway.send(
      new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: 'mapped' }),
    );
    const mappedKind = await apigateway.send(new CreateResourceCommand({ restApiId: api.id, parentId: mapped.id, pathPart: '{kind}' }));
    const method = { restApiId: api.id, resourceId: mappedKind.id, httpMethod: 'GET' };
    await apigateway.send(new PutMethodCommand({ ...method, authorizationType: 'NONE' }));
    await apigateway.send(
      new PutIntegrationCommand({
        ...method,
        type: 'AWS',
        integrationHttpMethod: 'POST',
        uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn.FunctionArn}/invocations`,
        requestTemplates: { 'application/json': `{"kind": "$util.escapeJavaScript($input.params('kind'))"}` },
      }),
    );
    for (const [statusCode, selectionPattern, template] of [
      ['200', undefined, "$input.json('$')"],
      ['400', '^\\[400\\] .*', `{"message": "$util.escapeJavaScript($input.path('$.errorMessage'))"}`],
      ['500', '^(?!\\[400\\] )[\\s\\S]+', '{"message": "Internal server error"}'],
    ] as const) {
      await apigateway.send(new PutMethodResponseCommand({ ...method, statusCode }));
      await apigateway.send(
        new PutIntegrationResponseCommand({ ...method, statusCode, selectionPattern, responseTemplates: { 'application/json': template } }),
      );
    }
    await apigateway.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'test' }));
    await lambda.send(
      new AddPermissionCommand({
        FunctionName: 'Faulty',
        StatementId: 'apigateway',
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: `arn:aws:execute-api:us-east-1:000000000000:${api.id}/*/*/*`,
      }),
    );
    apiUrl = `${cloud.url}/restapis/${api.id}/test/_user_request_`;
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => cloud?.close());

  const get = (path: string) => callApi(apiUrl, 'GET', path);

  async function expectFailureThenRecovery(path: string, status: number) {
    const failed = await get(path);
    expect({ path, status: failed.status, message: Boolean(errorMessage(failed)) }).toEqual({ path, status, message: true });
    const next = await get('/fault/ok');
    expect({ after: path, status: next.status, body: next.json }).toEqual({ after: path, status: 200, body: { ok: true, kind: 'ok' } });
  }

  it('answers 502 to a function that throws, and the next request works', async () => {
    await expectFailureThenRecovery('/fault/throw', 502);
    await expectFailureThenRecovery('/fault/reject', 502);
  });

  it('answers 502 to a function that hangs or spins past its timeout, and the next request works', async () => {
    await expectFailureThenRecovery('/fault/hang', 502);
    await expectFailureThenRecovery('/fault/spin', 502);
  });

  it('answers 504 when the integration times out first, and the next request works', async () => {
    await expectFailureThenRecovery('/impatient/slow', 504);
    await expectFailureThenRecovery('/impatient/spin', 504);
  });

  it('answers 502 to a function that exits its process, and the next request works', async () => {
    await expectFailureThenRecovery('/fault/exit', 502);
  });

  it('answers 502 to a function that runs out of memory, and the next request works', async () => {
    await expectFailureThenRecovery('/fault/oom', 502);
  });

  it('answers 502 to a function whose answer is not a proxy response', async () => {
    await expectFailureThenRecovery('/fault/not-proxy', 502);
    await expectFailureThenRecovery('/fault/bad-status', 502);
  });

  it('keeps answering when a function crashes after it answered', async () => {
    const first = await get('/fault/crash-later');
    expect(first.status).toBe(200);
    await expectFailureThenRecovery('/fault/throw', 502);
  });

  it('serves other requests while one request hangs', async () => {
    const hanging = get('/fault/spin');
    const meanwhile = await Promise.all([get('/fault/ok'), get('/fault/ok')]);
    expect(meanwhile.map((a) => a.status)).toEqual([200, 200]);
    expect((await hanging).status).toBe(502);
  });

  it('answers 500 in mapping mode to a function that throws, exits, times out or runs out of memory, and the next request works', async () => {
    for (const kind of ['throw', 'exit', 'hang', 'oom']) await expectFailureThenRecovery(`/mapped/${kind}`, 500);
    await expectFailureThenRecovery('/mapped/client-error', 400);
    const ok = await get('/mapped/ok');
    expect(ok.status).toBe(200);
  });

  it('stays up through all of it', async () => {
    const health = await fetch(`${cloud.url}/_emulator/health`);
    expect(health.status).toBe(200);
  });
});
