import { CloudWatchClient, GetMetricStatisticsCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { CreateFunctionCommand, GetFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';

const HANDLER = `exports.handler = async (event) => {
  if (event.fail) throw new Error('failed on purpose');
  return { ok: true };
};
`;

/** Polls until `check` passes: platform metrics are handed over just after the call that produced them. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 50 && !check(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

describe('metrics emitted by the platform', () => {
  let cloud: TestCloud;
  let cw: CloudWatchClient;
  beforeAll(async () => {
    process.env.EMULATOR_ALARM_INTERVAL_MS = '0';
    cloud = await startTestCloud();
    cw = new CloudWatchClient(cloud.clientConfig);
  });
  afterAll(async () => cloud.close());

  it('records AWS/Lambda Invocations, Errors and Duration per function', async () => {
    const lambda = new LambdaClient(cloud.clientConfig);
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'metrics-fn',
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Role: 'arn:aws:iam::000000000000:role/lambda-role',
        Code: { ZipFile: zipSync({ 'index.js': strToU8(HANDLER) }) },
      }),
    );
    await eventually(
      () => lambda.send(new GetFunctionCommand({ FunctionName: 'metrics-fn' })),
      (f) => f.Configuration?.State !== 'Pending',
    );
    const started = Date.now();
    await lambda.send(new InvokeCommand({ FunctionName: 'metrics-fn', Payload: strToU8('{}') }));
    const failed = await lambda.send(new InvokeCommand({ FunctionName: 'metrics-fn', Payload: strToU8('{"fail":true}') }));
    expect(failed.FunctionError).toBe('Unhandled');

    const statistics = (MetricName: string, Statistics: Array<'Sum' | 'SampleCount' | 'Maximum'>) =>
      cw.send(
        new GetMetricStatisticsCommand({
          Namespace: 'AWS/Lambda',
          MetricName,
          Dimensions: [{ Name: 'FunctionName', Value: 'metrics-fn' }],
          StartTime: new Date(started - 120_000),
          EndTime: new Date(Date.now() + 60_000),
          Period: 300,
          Statistics,
        }),
      );
    const invocations = await eventually(
      () => statistics('Invocations', ['Sum']),
      (r) => r.Datapoints?.[0]?.Sum === 2,
    );
    expect(invocations.Datapoints).toMatchObject([{ Sum: 2, Unit: 'Count' }]);
    expect((await statistics('Errors', ['Sum'])).Datapoints).toMatchObject([{ Sum: 1, Unit: 'Count' }]);
    const duration = await statistics('Duration', ['SampleCount', 'Maximum']);
    expect(duration.Datapoints).toMatchObject([{ SampleCount: 2, Unit: 'Milliseconds' }]);
    expect(duration.Datapoints?.[0]?.Maximum).toBeGreaterThan(0);

    const listed = await cw.send(new ListMetricsCommand({ Namespace: 'AWS/Lambda', MetricName: 'Invocations' }));
    expect(listed.Metrics?.map((m) => m.Dimensions)).toContainEqual([{ Name: 'FunctionName', Value: 'metrics-fn' }]);
  });
});
