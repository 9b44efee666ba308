import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  DeleteFunctionConcurrencyCommand,
  GetAccountSettingsCommand,
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  InvokeCommand,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountConcurrencyLimit } from './concurrency.js';
import { decode, type LambdaTestEdge, ROLE, startLambdaTestEdge, versionedCode } from './test-support.js';

const ARN = 'arn:aws:lambda:us-east-1:000000000000:function';

async function createFunction(edge: LambdaTestEdge, name: string, publish = false) {
  return edge.lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs20.x',
      Role: ROLE,
      Handler: 'index.handler',
      Code: { ZipFile: versionedCode(name) },
      Timeout: 10,
      Publish: publish,
    }),
  );
}

const invoke = (edge: LambdaTestEdge, name: string, event: unknown = {}, type?: 'Event') =>
  edge.once.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(event)), InvocationType: type }));

/** Settles every invocation, counting answers and throttles. */
async function outcomes(calls: Promise<unknown>[]): Promise<{ ok: number; throttled: Array<Record<string, unknown>> }> {
  const settled = await Promise.allSettled(calls);
  const throttled = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as Record<string, unknown>] : []));
  return { ok: settled.length - throttled.length, throttled };
}

describe('Lambda reserved concurrency', () => {
  let edge: LambdaTestEdge;

  beforeAll(async () => {
    edge = await startLambdaTestEdge({ metrics: true });
  });
  afterAll(async () => edge.close());

  it('puts, gets and deletes reserved concurrency, within what the account keeps unreserved', async () => {
    await createFunction(edge, 'reserve-fn');
    expect(await edge.lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: 'reserve-fn' }))).not.toHaveProperty(
      'ReservedConcurrentExecutions',
    );
    const put = await edge.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'reserve-fn', ReservedConcurrentExecutions: 5 }));
    expect(put.ReservedConcurrentExecutions).toBe(5);
    expect(
      (await edge.lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: `${ARN}:reserve-fn` }))).ReservedConcurrentExecutions,
    ).toBe(5);
    expect((await edge.lambda.send(new GetFunctionCommand({ FunctionName: 'reserve-fn' }))).Concurrency).toEqual({
      ReservedConcurrentExecutions: 5,
    });
    const settings = await edge.lambda.send(new GetAccountSettingsCommand({}));
    expect(settings.AccountLimit).toMatchObject({
      ConcurrentExecutions: 1000,
      UnreservedConcurrentExecutions: 995,
      CodeSizeZipped: 52_428_800,
      CodeSizeUnzipped: 262_144_000,
      TotalCodeSize: 80_530_636_800,
    });
    expect(settings.AccountUsage?.FunctionCount).toBe(1);
    expect(settings.AccountUsage?.TotalCodeSize).toBeGreaterThan(0);

    await expect(
      edge.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'reserve-fn', ReservedConcurrentExecutions: 901 })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message:
        "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].",
    });
    // Replacing its own reservation counts only the others'.
    await edge.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'reserve-fn', ReservedConcurrentExecutions: 900 }));
    await expect(
      edge.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'reserve-fn', ReservedConcurrentExecutions: -1 })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '-1' at 'reservedConcurrentExecutions' failed to satisfy constraint: Member must have value greater than or equal to 0",
    });
    await expect(
      edge.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'reserve-fn:1', ReservedConcurrentExecutions: 1 })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message:
        'This operation is permitted on Lambda functions only. Aliases and versions do not support this operation. Please specify either a function name or an unqualified function ARN.',
    });
    await expect(
      edge.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'nobody', ReservedConcurrentExecutions: 1 })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: `Function not found: ${ARN}:nobody:$LATEST` });

    await edge.lambda.send(new DeleteFunctionConcurrencyCommand({ FunctionName: 'reserve-fn' }));
    expect(await edge.lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: 'reserve-fn' }))).not.toHaveProperty(
      'ReservedConcurrentExecutions',
    );
    expect((await edge.lambda.send(new GetAccountSettingsCommand({}))).AccountLimit?.UnreservedConcurrentExecutions).toBe(1000);

    // Deleting the function frees its reservation.
    await edge.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'reserve-fn', ReservedConcurrentExecutions: 7 }));
    await edge.lambda.send(new DeleteFunctionCommand({ FunctionName: 'reserve-fn' }));
    expect((await edge.lambda.send(new GetAccountSettingsCommand({}))).AccountLimit?.UnreservedConcurrentExecutions).toBe(1000);
  });

  it('refuses invocations beyond the reservation with 429 TooManyRequestsException instead of queueing them', async () => {
    await createFunction(edge, 'one-at-a-time', true);
    await edge.lambda.send(new CreateAliasCommand({ FunctionName: 'one-at-a-time', Name: 'live', FunctionVersion: '1' }));
    await edge.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'one-at-a-time', ReservedConcurrentExecutions: 1 }));
    // The limit holds across $LATEST, versions and aliases of the function.
    const { ok, throttled } = await outcomes([
      invoke(edge, 'one-at-a-time', { ms: 1500 }),
      invoke(edge, 'one-at-a-time:live', { ms: 1500 }),
      invoke(edge, 'one-at-a-time:1', { ms: 1500 }),
    ]);
    expect(ok).toBe(1);
    expect(throttled).toHaveLength(2);
    for (const err of throttled) {
      expect(err).toMatchObject({
        name: 'TooManyRequestsException',
        message: 'Rate Exceeded.',
        Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
        Type: 'User',
        $metadata: { httpStatusCode: 429 },
      });
    }
    // Once it finished, the next one runs.
    expect(decode((await invoke(edge, 'one-at-a-time:live')).Payload).version).toBe('1');

    // The internal API refuses the same way.
    await edge.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'one-at-a-time', ReservedConcurrentExecutions: 0 }));
    await expect(
      edge.service.invoke({
        account: '000000000000',
        region: 'us-east-1',
        functionName: `${ARN}:one-at-a-time:live`,
        payload: Buffer.from('{}'),
      }),
    ).rejects.toMatchObject({
      code: 'TooManyRequestsException',
      status: 429,
      extra: { Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' },
    });
  });

  it('throttles every synchronous invocation at 0, and runs queued Event invocations once the reservation is lifted', async () => {
    await createFunction(edge, 'stopped-fn');
    await edge.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'stopped-fn', ReservedConcurrentExecutions: 0 }));
    await expect(invoke(edge, 'stopped-fn')).rejects.toMatchObject({
      name: 'TooManyRequestsException',
      Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
    });
    const queued = await invoke(edge, 'stopped-fn', { queued: true }, 'Event');
    expect(queued.StatusCode).toBe(202);
    // DryRun only checks the request.
    expect((await edge.once.send(new InvokeCommand({ FunctionName: 'stopped-fn', InvocationType: 'DryRun' }))).StatusCode).toBe(204);

    await edge.lambda.send(new DeleteFunctionConcurrencyCommand({ FunctionName: 'stopped-fn' }));
    let lines: string[] = [];
    for (let attempt = 0; attempt < 100 && !lines.some((line) => line.includes('running stopped-fn')); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const found = await edge.logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/stopped-fn' })).catch(() => undefined);
      lines = (found?.events ?? []).map((e) => e.message ?? '');
    }
    expect(lines.some((line) => line.includes('running stopped-fn'))).toBe(true);
  });

  it('runs environments up to a reservation above the executor cap without queueing', async () => {
    await createFunction(edge, 'wide-fn');
    await edge.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'wide-fn', ReservedConcurrentExecutions: 12 }));
    const results = await Promise.all(Array.from({ length: 12 }, () => invoke(edge, 'wide-fn', { ms: 1000 })));
    expect(new Set(results.map((r) => decode(r.Payload).pid)).size).toBe(12);
  });

  it('records AWS/Lambda metrics per function, per version or alias, and per executed version of an alias', async () => {
    edge.metrics!.data.length = 0;
    await createFunction(edge, 'metered-fn', true);
    await edge.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'metered-fn', ZipFile: versionedCode('metered-2') }));
    await edge.lambda.send(new PublishVersionCommand({ FunctionName: 'metered-fn' }));
    await edge.lambda.send(
      new CreateAliasCommand({
        FunctionName: 'metered-fn',
        Name: 'live',
        FunctionVersion: '1',
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } },
      }),
    );
    const executed = new Set<string>();
    for (let i = 0; i < 20; i++) executed.add((await invoke(edge, 'metered-fn:live')).ExecutedVersion!);
    await invoke(edge, 'metered-fn');
    await invoke(edge, 'metered-fn:2', { fail: true });
    await edge.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'metered-fn', ReservedConcurrentExecutions: 0 }));
    await expect(invoke(edge, 'metered-fn:live')).rejects.toMatchObject({ name: 'TooManyRequestsException' });
    await new Promise((resolve) => setImmediate(resolve));

    const data = edge.metrics!.data.filter((d) => !d.dimensions.FunctionName || d.dimensions.FunctionName === 'metered-fn');
    expect(data.every((d) => d.namespace === 'AWS/Lambda')).toBe(true);
    const sum = (name: string, dimensions: Record<string, string>) =>
      data
        .filter(
          (d) =>
            d.name === name && JSON.stringify(Object.entries(d.dimensions).sort()) === JSON.stringify(Object.entries(dimensions).sort()),
        )
        .reduce((total, d) => total + d.value, 0);
    const fn = { FunctionName: 'metered-fn' };
    expect(sum('Invocations', fn)).toBe(22);
    expect(sum('Errors', fn)).toBe(1);
    expect(sum('Throttles', fn)).toBe(1);
    expect(sum('Invocations', { ...fn, Resource: 'metered-fn:live' })).toBe(20);
    expect(sum('Invocations', { ...fn, Resource: 'metered-fn:2' })).toBe(1);
    expect(sum('Errors', { ...fn, Resource: 'metered-fn:2' })).toBe(1);
    expect(sum('Throttles', { ...fn, Resource: 'metered-fn:live' })).toBe(1);
    expect(executed).toEqual(new Set(['1', '2']));
    expect(
      sum('Invocations', { ...fn, Resource: 'metered-fn:live', ExecutedVersion: '1' }) +
        sum('Invocations', { ...fn, Resource: 'metered-fn:live', ExecutedVersion: '2' }),
    ).toBe(20);
    expect(sum('Invocations', { ...fn, Resource: 'metered-fn:live', ExecutedVersion: '2' })).toBeGreaterThan(0);
    // An unqualified invocation counts for the function only, not for a Resource.
    expect(data.filter((d) => d.name === 'Invocations' && d.dimensions.Resource === 'metered-fn')).toHaveLength(0);
    expect(sum('Invocations', {})).toBeGreaterThanOrEqual(22);

    const durations = data.filter((d) => d.name === 'Duration' && d.dimensions.FunctionName === 'metered-fn' && !d.dimensions.Resource);
    expect(durations).toHaveLength(22);
    expect(durations.every((d) => d.unit === 'Milliseconds' && d.value >= 0)).toBe(true);
    const concurrent = data.filter((d) => d.name === 'ConcurrentExecutions' && d.dimensions.FunctionName === 'metered-fn');
    expect(concurrent.length).toBeGreaterThan(0);
    expect(concurrent.every((d) => d.unit === 'Count' && d.value >= 1)).toBe(true);
    expect(data.some((d) => d.name === 'UnreservedConcurrentExecutions' && Object.keys(d.dimensions).length === 0)).toBe(true);
  });
});

describe('Lambda account concurrency', () => {
  let edge: LambdaTestEdge;

  beforeAll(async () => {
    edge = await startLambdaTestEdge({ accountConcurrency: 2 });
  });
  afterAll(async () => edge.close());

  it('reads the account limit from EMULATOR_LAMBDA_CONCURRENCY, 1000 by default', () => {
    expect(accountConcurrencyLimit({ EMULATOR_LAMBDA_CONCURRENCY: '25' })).toBe(25);
    expect(accountConcurrencyLimit({})).toBe(1000);
    expect(accountConcurrencyLimit({ EMULATOR_LAMBDA_CONCURRENCY: 'lots' })).toBe(1000);
  });

  it('shares the account limit among functions and throttles beyond it', async () => {
    expect((await edge.lambda.send(new GetAccountSettingsCommand({}))).AccountLimit).toMatchObject({
      ConcurrentExecutions: 2,
      UnreservedConcurrentExecutions: 2,
    });
    await createFunction(edge, 'shared-a');
    await createFunction(edge, 'shared-b');
    const { ok, throttled } = await outcomes([
      invoke(edge, 'shared-a', { ms: 1500 }),
      invoke(edge, 'shared-b', { ms: 1500 }),
      invoke(edge, 'shared-a', { ms: 1500 }),
    ]);
    expect(ok).toBe(2);
    expect(throttled).toHaveLength(1);
    expect(throttled[0]).toMatchObject({
      name: 'TooManyRequestsException',
      message: 'Rate Exceeded.',
      Reason: 'ConcurrentInvocationLimitExceeded',
    });
    // With so small a limit nothing can be reserved.
    await expect(
      edge.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'shared-a', ReservedConcurrentExecutions: 1 })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message:
        "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [2].",
    });
  });
});
