import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  AddPermissionCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  GetPolicyCommand,
  InvokeCommand,
  type InvokeCommandOutput,
  LambdaClient,
  ListFunctionsCommand,
  RemovePermissionCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { createEdge, listen } from '../../core/edge.js';
import { ServiceRegistry } from '../../core/service.js';
import { MemoryStore } from '../../core/store.js';
import { LogsService } from '../logs/index.js';
import { LambdaService } from './index.js';

const ROLE = 'arn:aws:iam::000000000000:role/lambda-role';

const HANDLERS = `
let count = 0;
exports.handler = async (event, context) => {
  count++;
  console.log('hello from', context.functionName, JSON.stringify(event));
  return {
    count,
    event,
    env: {
      GREETING: process.env.GREETING,
      AWS_LAMBDA_FUNCTION_NAME: process.env.AWS_LAMBDA_FUNCTION_NAME,
      AWS_LAMBDA_FUNCTION_VERSION: process.env.AWS_LAMBDA_FUNCTION_VERSION,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      AWS_LAMBDA_LOG_GROUP_NAME: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
      AWS_LAMBDA_LOG_STREAM_NAME: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
      AWS_REGION: process.env.AWS_REGION,
      AWS_EXECUTION_ENV: process.env.AWS_EXECUTION_ENV,
      AWS_ENDPOINT_URL: process.env.AWS_ENDPOINT_URL,
      AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID,
      LAMBDA_TASK_ROOT: process.env.LAMBDA_TASK_ROOT,
      TZ: process.env.TZ,
    },
    context: {
      awsRequestId: context.awsRequestId,
      invokedFunctionArn: context.invokedFunctionArn,
      functionVersion: context.functionVersion,
      memoryLimitInMB: context.memoryLimitInMB,
      logGroupName: context.logGroupName,
      logStreamName: context.logStreamName,
      remaining: context.getRemainingTimeInMillis(),
    },
  };
};
exports.fail = async () => {
  throw new TypeError('boom');
};
exports.slow = async () => {
  await new Promise((resolve) => setTimeout(resolve, 5000));
  return 'late';
};
exports.exit = async (event) => {
  if (event.exit) process.exit(1);
  return 'alive';
};
exports.callback = (event, context, callback) => {
  setTimeout(() => callback(null, { via: 'callback', value: event.value }), 20);
};
exports.nothing = () => {};
exports.pause = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, event.ms));
  return process.env.AWS_LAMBDA_LOG_STREAM_NAME;
};
`;

const ESM_HANDLER = `
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
export const handler = async () => {
  const client = new LambdaClient({});
  const listed = await client.send(new ListFunctionsCommand({}));
  return listed.Functions.map((f) => f.FunctionName).sort();
};
`;

const zip = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
const decode = (payload: Uint8Array | undefined) => JSON.parse(Buffer.from(payload ?? []).toString('utf8'));

describe('Lambda', () => {
  let cloud: TestCloud;
  let lambda: LambdaClient;
  let logs: CloudWatchLogsClient;
  const code = zip({ 'index.js': HANDLERS });

  const create = (name: string, extra: Partial<ConstructorParameters<typeof CreateFunctionCommand>[0]> = {}) =>
    lambda.send(
      new CreateFunctionCommand({
        FunctionName: name,
        Runtime: 'nodejs20.x',
        Role: ROLE,
        Handler: 'index.handler',
        Code: { ZipFile: code },
        ...extra,
      }),
    );
  const invoke = (name: string, event: unknown = {}, extra: Partial<ConstructorParameters<typeof InvokeCommand>[0]> = {}) =>
    lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(event)), ...extra }));

  beforeAll(async () => {
    cloud = await startTestCloud({ persist: true });
    lambda = new LambdaClient(cloud.clientConfig);
    logs = new CloudWatchLogsClient(cloud.clientConfig);
  });
  afterAll(async () => cloud.close());

  it('creates, gets, lists, updates and deletes functions', async () => {
    const created = await create('crud-fn', { Environment: { Variables: { GREETING: 'hi' } } });
    expect(created).toMatchObject({
      FunctionName: 'crud-fn',
      FunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:crud-fn',
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Timeout: 3,
      MemorySize: 128,
      Version: '$LATEST',
      State: 'Active',
      LastUpdateStatus: 'Successful',
      PackageType: 'Zip',
      CodeSize: code.length,
      Environment: { Variables: { GREETING: 'hi' } },
    });
    expect(created.CodeSha256).toBe(createHash('sha256').update(code).digest('base64'));
    expect(created.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);

    await expect(create('crud-fn')).rejects.toMatchObject({
      name: 'ResourceConflictException',
      message: 'Function already exist: crud-fn',
    });
    await expect(create('bad-runtime', { Runtime: 'python3.12' })).rejects.toMatchObject({ name: 'InvalidParameterValueException' });
    await expect(create('bad-role', { Role: 'not-a-role' })).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(create('bad-zip', { Code: { ZipFile: Buffer.from('not a zip') } })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Could not unzip uploaded file. Please check your file, then try to upload again.',
    });
    await expect(create('reserved-env', { Environment: { Variables: { AWS_REGION: 'x' } } })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
    });

    const got = await lambda.send(new GetFunctionCommand({ FunctionName: 'crud-fn' }));
    expect(got.Configuration?.FunctionName).toBe('crud-fn');
    expect(got.Code?.RepositoryType).toBe('S3');
    const download = await fetch(got.Code!.Location!);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(code))).toBe(true);
    const byArn = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: created.FunctionArn }));
    expect(byArn.RevisionId).toBe(created.RevisionId);

    await create('crud-fn-2');
    await create('crud-fn-3');
    const first = await lambda.send(new ListFunctionsCommand({ MaxItems: 2 }));
    expect(first.Functions).toHaveLength(2);
    expect(first.NextMarker).toBeTruthy();
    const rest = await lambda.send(new ListFunctionsCommand({ Marker: first.NextMarker }));
    const names = [...first.Functions!, ...rest.Functions!].map((f) => f.FunctionName);
    expect(names).toEqual(expect.arrayContaining(['crud-fn', 'crud-fn-2', 'crud-fn-3']));
    expect(new Set(names).size).toBe(names.length);

    const updated = await lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: 'crud-fn',
        Timeout: 10,
        MemorySize: 256,
        Environment: { Variables: { GREETING: 'hello' } },
      }),
    );
    expect(updated).toMatchObject({ Timeout: 10, MemorySize: 256, Environment: { Variables: { GREETING: 'hello' } } });
    expect(updated.RevisionId).not.toBe(created.RevisionId);
    await expect(lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'crud-fn', Timeout: 0 }))).rejects.toMatchObject({
      name: 'ValidationException',
    });

    await lambda.send(new DeleteFunctionCommand({ FunctionName: 'crud-fn' }));
    await expect(lambda.send(new GetFunctionCommand({ FunctionName: 'crud-fn' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:crud-fn',
    });
  });

  it('invokes synchronously with the AWS environment, keeps the environment warm, and starts cold after a code update', async () => {
    await create('warm-fn', { Environment: { Variables: { GREETING: 'hi' } } });

    let started = performance.now();
    const cold = await invoke('warm-fn', { n: 1 });
    const coldMs = performance.now() - started;
    expect(cold.StatusCode).toBe(200);
    expect(cold.FunctionError).toBeUndefined();
    expect(cold.ExecutedVersion).toBe('$LATEST');
    const body = decode(cold.Payload);
    expect(body.count).toBe(1);
    expect(body.event).toEqual({ n: 1 });
    expect(body.env).toMatchObject({
      GREETING: 'hi',
      AWS_LAMBDA_FUNCTION_NAME: 'warm-fn',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/warm-fn',
      AWS_REGION: 'us-east-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      AWS_ENDPOINT_URL: cloud.url.replace('localhost', '127.0.0.1'),
      AWS_ACCESS_KEY_ID: 'test',
      TZ: ':UTC',
    });
    expect(body.env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(body.context).toMatchObject({
      awsRequestId: cold.$metadata.requestId,
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:warm-fn',
      functionVersion: '$LATEST',
      memoryLimitInMB: '128',
      logGroupName: '/aws/lambda/warm-fn',
      logStreamName: body.env.AWS_LAMBDA_LOG_STREAM_NAME,
    });
    expect(body.context.remaining).toBeGreaterThan(2000);
    expect(body.context.remaining).toBeLessThanOrEqual(3000);

    const warmTimes: number[] = [];
    let last = body;
    for (let i = 0; i < 20; i++) {
      started = performance.now();
      last = decode((await invoke('warm-fn', { n: i })).Payload);
      warmTimes.push(performance.now() - started);
    }
    expect(last.count).toBe(21);
    expect(last.env.AWS_LAMBDA_LOG_STREAM_NAME).toBe(body.env.AWS_LAMBDA_LOG_STREAM_NAME);
    warmTimes.sort((a, b) => a - b);
    console.log(
      `[lambda timing] cold Invoke ${coldMs.toFixed(1)} ms; warm Invoke median ${warmTimes[10]!.toFixed(1)} ms, min ${warmTimes[0]!.toFixed(1)} ms, max ${warmTimes[19]!.toFixed(1)} ms`,
    );

    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'warm-fn', ZipFile: zip({ 'index.js': `${HANDLERS}\n// v2` }) }));
    const afterUpdate = decode((await invoke('warm-fn')).Payload);
    expect(afterUpdate.count).toBe(1);
    expect(afterUpdate.env.AWS_LAMBDA_LOG_STREAM_NAME).not.toBe(body.env.AWS_LAMBDA_LOG_STREAM_NAME);

    await lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'warm-fn', Environment: { Variables: { GREETING: 'changed' } } }),
    );
    const afterConfig = decode((await invoke('warm-fn')).Payload);
    expect(afterConfig.count).toBe(1);
    expect(afterConfig.env.GREETING).toBe('changed');
  });

  it('writes START, console lines, END and REPORT to the log group, and returns the tail', async () => {
    await create('logging-fn');
    const result = await invoke('logging-fn', { hello: 'logs' }, { LogType: 'Tail' });
    const requestId = result.$metadata.requestId!;
    const tail = Buffer.from(result.LogResult!, 'base64').toString('utf8');
    expect(tail).toContain(`START RequestId: ${requestId} Version: $LATEST`);
    expect(tail).toMatch(
      new RegExp(`\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\\t${requestId}\\tINFO\\thello from logging-fn {"hello":"logs"}`),
    );
    expect(tail).toContain(`END RequestId: ${requestId}`);
    expect(tail).toMatch(
      new RegExp(
        `REPORT RequestId: ${requestId}\\tDuration: \\d+\\.\\d\\d ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: \\d+\\.\\d\\d ms`,
      ),
    );

    const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: '/aws/lambda/logging-fn' }));
    expect(streams.logStreams).toHaveLength(1);
    const events = await logs.send(
      new GetLogEventsCommand({
        logGroupName: '/aws/lambda/logging-fn',
        logStreamName: streams.logStreams![0]!.logStreamName!,
        startFromHead: true,
      }),
    );
    const messages = events.events!.map((e) => e.message!);
    expect(messages[0]).toBe(`START RequestId: ${requestId} Version: $LATEST`);
    expect(messages[1]).toContain('\tINFO\thello from logging-fn');
    expect(messages[2]).toBe(`END RequestId: ${requestId}`);
    expect(messages[3]).toMatch(/^REPORT RequestId: /);

    const second = await invoke('logging-fn', {}, { LogType: 'Tail' });
    expect(Buffer.from(second.LogResult!, 'base64').toString('utf8')).not.toContain('Init Duration');
  });

  it('reports handler errors as FunctionError Unhandled with errorType, errorMessage and trace', async () => {
    await create('failing-fn', { Handler: 'index.fail' });
    const result = await invoke('failing-fn', {}, { LogType: 'Tail' });
    expect(result.StatusCode).toBe(200);
    expect(result.FunctionError).toBe('Unhandled');
    const error = decode(result.Payload);
    expect(error.errorType).toBe('TypeError');
    expect(error.errorMessage).toBe('boom');
    expect(error.trace[0]).toBe('TypeError: boom');
    expect(Buffer.from(result.LogResult!, 'base64').toString('utf8')).toContain(
      '\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"boom"',
    );

    await create('missing-handler', { Handler: 'nope.handler' });
    const missing = await invoke('missing-handler');
    expect(missing.FunctionError).toBe('Unhandled');
    expect(decode(missing.Payload)).toMatchObject({
      errorType: 'Runtime.ImportModuleError',
      errorMessage: expect.stringContaining("Cannot find module 'nope'"),
    });

    await create('unexported', { Handler: 'index.absent' });
    expect(decode((await invoke('unexported')).Payload)).toEqual(
      expect.objectContaining({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.absent is undefined or not exported' }),
    );
  });

  it('times out with Sandbox.Timedout and starts a fresh environment afterwards', async () => {
    await create('slow-fn', { Handler: 'index.slow', Timeout: 1 });
    const result = await invoke('slow-fn', {}, { LogType: 'Tail' });
    expect(result.FunctionError).toBe('Unhandled');
    const error = decode(result.Payload);
    expect(error).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${result.$metadata.requestId} Error: Task timed out after 1.00 seconds`,
    });
    const tail = Buffer.from(result.LogResult!, 'base64').toString('utf8');
    expect(tail).toMatch(new RegExp(`\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z ${result.$metadata.requestId} Task timed out after 1.00 seconds`));
    expect(tail).toContain('Status: timeout');
  });

  it('reports process.exit as Runtime.ExitError and then recovers', async () => {
    await create('exit-fn', { Handler: 'index.exit' });
    expect(decode((await invoke('exit-fn')).Payload)).toBe('alive');
    const crashed = await invoke('exit-fn', { exit: true });
    expect(crashed.FunctionError).toBe('Unhandled');
    expect(decode(crashed.Payload)).toEqual({
      errorType: 'Runtime.ExitError',
      errorMessage: `RequestId: ${crashed.$metadata.requestId} Error: Runtime exited with error: exit status 1`,
    });
    const next = await invoke('exit-fn');
    expect(next.FunctionError).toBeUndefined();
    expect(decode(next.Payload)).toBe('alive');
  });

  it('supports callback handlers and handlers that return nothing', async () => {
    await create('callback-fn', { Handler: 'index.callback' });
    expect(decode((await invoke('callback-fn', { value: 7 })).Payload)).toEqual({ via: 'callback', value: 7 });
    await create('nothing-fn', { Handler: 'index.nothing' });
    expect(decode((await invoke('nothing-fn')).Payload)).toBeNull();
  });

  it('runs Event invocations in the background and answers DryRun without running', async () => {
    await create('async-fn');
    const accepted = await invoke('async-fn', { marker: 'async-marker' }, { InvocationType: 'Event' });
    expect(accepted.StatusCode).toBe(202);
    const dry = await invoke('async-fn', {}, { InvocationType: 'DryRun' });
    expect(dry.StatusCode).toBe(204);
    let found = false;
    for (let i = 0; i < 100 && !found; i++) {
      const filtered = await logs
        .send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/async-fn', filterPattern: 'async-marker' }))
        .catch(() => undefined);
      found = !!filtered?.events?.length;
      if (!found) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(found).toBe(true);
  });

  it("writes output produced after the response to the environment's log stream", async () => {
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'later-fn',
        Runtime: 'nodejs20.x',
        Role: ROLE,
        Handler: 'index.handler',
        Code: {
          ZipFile: zip({
            'index.js': 'exports.handler = async () => { setTimeout(() => console.log("written later"), 30); return "now"; };',
          }),
        },
      }),
    );
    expect(decode((await invoke('later-fn')).Payload)).toBe('now');
    let messages: string[] = [];
    for (let i = 0; i < 50 && !messages.some((m) => m.includes('written later')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const found = await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/later-fn' }));
      messages = found.events!.map((e) => e.message!);
    }
    expect(messages.at(-1)).toMatch(/\tINFO\twritten later$/);
  });

  it('runs concurrent invocations in separate environments', async () => {
    await create('parallel-fn', { Handler: 'index.pause' });
    const results = await Promise.all([1, 2, 3].map(() => invoke('parallel-fn', { ms: 300 })));
    const streams = new Set(results.map((r) => decode(r.Payload)));
    expect(streams.size).toBe(3);
  });

  it('gives ES module handlers the AWS SDK, configured for the local cloud', async () => {
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'esm-fn',
        Runtime: 'nodejs22.x',
        Role: ROLE,
        Handler: 'app.handler',
        Timeout: 30,
        Code: { ZipFile: zip({ 'app.mjs': ESM_HANDLER }) },
      }),
    );
    const result = await invoke('esm-fn');
    expect(result.FunctionError, Buffer.from(result.Payload ?? []).toString()).toBeUndefined();
    expect(decode(result.Payload)).toContain('esm-fn');
  });

  it('rejects bad invocations with AWS errors', async () => {
    await expect(invoke('no-such-fn')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:no-such-fn',
    });
    await create('payload-fn');
    await expect(lambda.send(new InvokeCommand({ FunctionName: 'payload-fn', Payload: Buffer.from('{not json') }))).rejects.toMatchObject({
      name: 'InvalidRequestContentException',
    });
    const empty: InvokeCommandOutput = await lambda.send(new InvokeCommand({ FunctionName: 'payload-fn' }));
    expect(decode(empty.Payload).event).toEqual({});
  });

  it('adds, reads and removes resource-policy statements', async () => {
    await create('policy-fn');
    const added = await lambda.send(
      new AddPermissionCommand({
        FunctionName: 'policy-fn',
        StatementId: 'apigw',
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: 'arn:aws:execute-api:us-east-1:000000000000:abc123/*/GET/conversations',
      }),
    );
    expect(JSON.parse(added.Statement!)).toEqual({
      Sid: 'apigw',
      Effect: 'Allow',
      Principal: { Service: 'apigateway.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: 'arn:aws:lambda:us-east-1:000000000000:function:policy-fn',
      Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:execute-api:us-east-1:000000000000:abc123/*/GET/conversations' } },
    });
    await expect(
      lambda.send(
        new AddPermissionCommand({
          FunctionName: 'policy-fn',
          StatementId: 'apigw',
          Action: 'lambda:InvokeFunction',
          Principal: 'apigateway.amazonaws.com',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ResourceConflictException',
      message: 'The statement id (apigw) provided already exists. Please provide a new statement id, or remove the existing statement.',
    });
    const policy = JSON.parse((await lambda.send(new GetPolicyCommand({ FunctionName: 'policy-fn' }))).Policy!);
    expect(policy).toMatchObject({ Version: '2012-10-17', Id: 'default', Statement: [{ Sid: 'apigw' }] });

    await lambda.send(new RemovePermissionCommand({ FunctionName: 'policy-fn', StatementId: 'apigw' }));
    await expect(lambda.send(new GetPolicyCommand({ FunctionName: 'policy-fn' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The resource you requested does not exist.',
    });
    await expect(lambda.send(new RemovePermissionCommand({ FunctionName: 'policy-fn', StatementId: 'apigw' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
  it('reports running out of memory (MemorySize) as Runtime.ExitError', async () => {
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'oom-fn',
        Runtime: 'nodejs20.x',
        Role: ROLE,
        Handler: 'index.oom',
        Timeout: 30,
        Code: {
          ZipFile: zip({
            'index.js': 'exports.oom = async () => { const keep = []; for (;;) keep.push(new Array(1e6).fill(Math.random())); };',
          }),
        },
      }),
    );
    const result = await invoke('oom-fn', {}, { LogType: 'Tail' });
    expect(result.FunctionError).toBe('Unhandled');
    expect(decode(result.Payload)).toMatchObject({
      errorType: 'Runtime.ExitError',
      errorMessage: expect.stringContaining('Runtime exited with error: signal:'),
    });
    expect(Buffer.from(result.LogResult!, 'base64').toString()).toContain('Max Memory Used: 128 MB');
  });

  it('takes code from S3', async () => {
    const s3 = new S3Client(cloud.clientConfig);
    await s3.send(new CreateBucketCommand({ Bucket: 'lambda-code' }));
    await s3.send(new PutObjectCommand({ Bucket: 'lambda-code', Key: 'fn.zip', Body: code }));
    const created = await create('s3-fn', { Code: { S3Bucket: 'lambda-code', S3Key: 'fn.zip' } });
    expect(created.CodeSize).toBe(code.length);
    expect(decode((await invoke('s3-fn', { from: 's3' })).Payload).event).toEqual({ from: 's3' });
    await expect(create('s3-missing', { Code: { S3Bucket: 'lambda-code', S3Key: 'nope.zip' } })).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: 'Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist.',
    });
  });

  it('publishes versions with the Publish flag and invokes them by qualifier', async () => {
    const v1 = await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'versioned-fn',
        Runtime: 'nodejs20.x',
        Role: ROLE,
        Handler: 'index.handler',
        Publish: true,
        Code: { ZipFile: zip({ 'index.js': 'exports.handler = async () => "v1";' }) },
      }),
    );
    expect(v1).toMatchObject({ Version: '1', FunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:versioned-fn:1' });
    const v2 = await lambda.send(
      new UpdateFunctionCodeCommand({
        FunctionName: 'versioned-fn',
        Publish: true,
        ZipFile: zip({ 'index.js': 'exports.handler = async () => "v2";' }),
      }),
    );
    expect(v2.Version).toBe('2');
    await lambda.send(
      new UpdateFunctionCodeCommand({
        FunctionName: 'versioned-fn',
        ZipFile: zip({ 'index.js': 'exports.handler = async () => "latest";' }),
      }),
    );

    const one = await invoke('versioned-fn', {}, { Qualifier: '1' });
    expect(decode(one.Payload)).toBe('v1');
    expect(one.ExecutedVersion).toBe('1');
    expect(decode((await invoke('versioned-fn:2')).Payload)).toBe('v2');
    expect(decode((await invoke('versioned-fn')).Payload)).toBe('latest');
    await lambda.send(new DeleteFunctionCommand({ FunctionName: 'versioned-fn', Qualifier: '1' }));
    await expect(invoke('versioned-fn', {}, { Qualifier: '1' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:versioned-fn:1',
    });
  });

  it('stops every environment on reset', async () => {
    await create('reset-fn');
    await invoke('reset-fn');
    const before = (await (await fetch(`${cloud.url}/_emulator/health`)).json()) as any;
    expect(before.services.lambda.environments).toBeGreaterThan(0);
    await fetch(`${cloud.url}/_emulator/reset`, { method: 'POST' });
    const after = (await (await fetch(`${cloud.url}/_emulator/health`)).json()) as any;
    expect(after.services.lambda.environments).toBe(0);
    await expect(invoke('reset-fn')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});

describe('Lambda across restarts', () => {
  it('keeps functions and their code, unpacking again when the code cache is gone', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'lambda-restart-'));
    try {
      let cloud = await startTestCloud({ stateDir });
      let lambda = new LambdaClient(cloud.clientConfig);
      await lambda.send(
        new CreateFunctionCommand({
          FunctionName: 'durable-fn',
          Runtime: 'nodejs20.x',
          Role: ROLE,
          Handler: 'index.handler',
          Code: { ZipFile: zip({ 'index.js': HANDLERS }) },
        }),
      );
      expect(decode((await lambda.send(new InvokeCommand({ FunctionName: 'durable-fn' }))).Payload).count).toBe(1);
      await cloud.close();

      rmSync(join(stateDir, 'lambda-code'), { recursive: true, force: true });
      cloud = await startTestCloud({ stateDir });
      lambda = new LambdaClient(cloud.clientConfig);
      const result = await lambda.send(new InvokeCommand({ FunctionName: 'durable-fn', Payload: Buffer.from('{"again":true}') }));
      expect(decode(result.Payload)).toMatchObject({ count: 1, event: { again: true } });
      await cloud.close();
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});

describe('Lambda internal invoke', () => {
  const store = new MemoryStore();
  const services = new ServiceRegistry();
  let edgeUrl = 'http://localhost';
  const ctx = { store, services, edgeUrl: () => edgeUrl, log: () => {} };
  const service = new LambdaService(ctx, { maxEnvironmentsPerFunction: 2 });
  services.add(new LogsService(ctx));
  services.add(service);
  const server = createEdge({ services, store, adminRoutes: new Map(), defaultAccount: '000000000000', defaultRegion: 'us-east-1' });
  let client: LambdaClient;

  beforeAll(async () => {
    const port = await listen(server, 0, '127.0.0.1');
    edgeUrl = `http://127.0.0.1:${port}`;
    client = new LambdaClient({ endpoint: edgeUrl, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    await client.send(
      new CreateFunctionCommand({
        FunctionName: 'api-fn',
        Runtime: 'nodejs20.x',
        Role: ROLE,
        Handler: 'index.handler',
        Code: { ZipFile: zip({ 'index.js': HANDLERS }) },
      }),
    );
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await service.close();
  });

  const request = (sourceArn: string) => ({
    account: '000000000000',
    region: 'us-east-1',
    functionName: 'arn:aws:lambda:us-east-1:000000000000:function:api-fn',
    payload: Buffer.from('{"via":"apigateway"}'),
    principal: 'apigateway.amazonaws.com',
    sourceArn,
  });

  it('refuses a service principal without a matching permission, then allows it', async () => {
    const sourceArn = 'arn:aws:execute-api:us-east-1:000000000000:abc123/prod/GET/conversations';
    await expect(service.invoke(request(sourceArn))).rejects.toMatchObject({ code: 'AccessDeniedException' });
    await client.send(
      new AddPermissionCommand({
        FunctionName: 'api-fn',
        StatementId: 'apigw',
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: 'arn:aws:execute-api:us-east-1:000000000000:abc123/*/GET/conversations',
      }),
    );
    const result = await service.invoke(request(sourceArn));
    expect(result.statusCode).toBe(200);
    expect(result.executedVersion).toBe('$LATEST');
    expect(JSON.parse(result.payload.toString()).event).toEqual({ via: 'apigateway' });
    expect(result.logTail).toContain('END RequestId:');

    await expect(service.invoke(request('arn:aws:execute-api:us-east-1:000000000000:other/prod/GET/conversations'))).rejects.toMatchObject({
      code: 'AccessDeniedException',
    });
    await expect(service.invoke({ ...request(sourceArn), principal: 's3.amazonaws.com' })).rejects.toMatchObject({
      code: 'AccessDeniedException',
    });
    // Direct callers (no principal) are not subject to the resource policy.
    expect((await service.invoke({ ...request(sourceArn), principal: undefined })).statusCode).toBe(200);
    await expect(service.invoke({ ...request(sourceArn), functionName: 'missing' })).rejects.toMatchObject({
      code: 'ResourceNotFoundException',
    });
  });

  it('queues invocations beyond the environment cap', async () => {
    await client.send(
      new CreateFunctionCommand({
        FunctionName: 'capped-fn',
        Runtime: 'nodejs20.x',
        Role: ROLE,
        Handler: 'index.pause',
        Code: { ZipFile: zip({ 'index.js': HANDLERS }) },
      }),
    );
    const run = () =>
      service.invoke({ account: '000000000000', region: 'us-east-1', functionName: 'capped-fn', payload: Buffer.from('{"ms":150}') });
    const started = performance.now();
    const results = await Promise.all([run(), run(), run(), run(), run()]);
    const streams = new Set(results.map((r) => JSON.parse(r.payload.toString())));
    expect(results.every((r) => r.statusCode === 200 && !r.functionError)).toBe(true);
    expect(streams.size).toBe(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);
  });
});
