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
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
  PutMetricAlarmCommand,
} from '@aws-sdk/client-cloudwatch';
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

  it('records AWS/ApiGateway Count and 4XXError per ApiName and per ApiName and Stage, which an alarm watches', async () => {
    const apigw = new APIGatewayClient(cloud.clientConfig);
    const api = await apigw.send(new CreateRestApiCommand({ name: 'Metrics-API' }));
    const ping = await apigw.send(new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: 'ping' }));
    const method = { restApiId: api.id, resourceId: ping.id, httpMethod: 'GET' };
    await apigw.send(new PutMethodCommand({ ...method, authorizationType: 'NONE' }));
    await apigw.send(
      new PutIntegrationCommand({ ...method, type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }),
    );
    await apigw.send(new PutMethodResponseCommand({ ...method, statusCode: '200' }));
    await apigw.send(new PutIntegrationResponseCommand({ ...method, statusCode: '200', responseTemplates: { 'application/json': '{}' } }));
    await apigw.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' }));
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'metrics-api-4xx',
        Namespace: 'AWS/ApiGateway',
        MetricName: '4XXError',
        Dimensions: [{ Name: 'ApiName', Value: 'Metrics-API' }],
        Statistic: 'Sum',
        Period: 60,
        // Two periods, one breaching one is enough: the test passes even if a minute turns between request and evaluation.
        EvaluationPeriods: 2,
        DatapointsToAlarm: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    );

    const base = `${cloud.url}/restapis/${api.id}/prod/_user_request_`;
    const started = Date.now();
    expect((await fetch(`${base}/ping`)).status).toBe(200);
    expect((await fetch(`${base}/nowhere`)).status).toBe(403);

    const statistics = (MetricName: string, Dimensions: Array<{ Name: string; Value: string }>) =>
      cw.send(
        new GetMetricStatisticsCommand({
          Namespace: 'AWS/ApiGateway',
          MetricName,
          Dimensions,
          StartTime: new Date(started - 120_000),
          EndTime: new Date(Date.now() + 60_000),
          Period: 300,
          Statistics: ['Sum', 'SampleCount'],
        }),
      );
    const byApi = [{ Name: 'ApiName', Value: 'Metrics-API' }];
    const byStage = [...byApi, { Name: 'Stage', Value: 'prod' }];
    const count = await eventually(
      () => statistics('Count', byApi),
      (r) => r.Datapoints?.[0]?.Sum === 2,
    );
    expect(count.Datapoints).toMatchObject([{ Sum: 2, SampleCount: 2, Unit: 'Count' }]);
    expect((await statistics('4XXError', byApi)).Datapoints).toMatchObject([{ Sum: 1, SampleCount: 2 }]);
    expect((await statistics('4XXError', byStage)).Datapoints).toMatchObject([{ Sum: 1 }]);
    expect((await statistics('5XXError', byStage)).Datapoints).toMatchObject([{ Sum: 0 }]);
    expect((await statistics('Latency', byStage)).Datapoints).toMatchObject([{ SampleCount: 2 }]);

    const evaluated = (await (await fetch(`${cloud.url}/_emulator/monitoring/evaluate`)).json()) as { transitions: unknown[] };
    expect(evaluated.transitions).toContainEqual(expect.objectContaining({ alarmName: 'metrics-api-4xx', to: 'ALARM' }));
    const alarm = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['metrics-api-4xx'] }))).MetricAlarms?.[0];
    expect(alarm?.StateValue).toBe('ALARM');
  });
});
