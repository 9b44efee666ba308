import {
  CloudWatchClient,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  InvalidParameterCombinationException,
  InvalidParameterValueException,
  ListMetricsCommand,
  PutMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';

const MINUTE = 60_000;

describe('CloudWatch metrics', () => {
  let cloud: TestCloud;
  let cw: CloudWatchClient;
  /** A minute boundary ten minutes ago: every datum of a test lands at a known offset from it. */
  const base = Math.floor(Date.now() / MINUTE) * MINUTE - 10 * MINUTE;

  beforeAll(async () => {
    process.env.EMULATOR_ALARM_INTERVAL_MS = '0';
    cloud = await startTestCloud({ persist: true });
    cw = new CloudWatchClient(cloud.clientConfig);
  });
  afterAll(async () => cloud.close());

  it('speaks awsJson1_0 with the query-compatible error header', async () => {
    const sent: Record<string, string>[] = [];
    const spy = new CloudWatchClient(cloud.clientConfig);
    spy.middlewareStack.add(
      (next) => async (args) => {
        sent.push({ ...(args.request as { headers: Record<string, string> }).headers });
        return next(args);
      },
      { step: 'finalizeRequest' },
    );
    await spy.send(new ListMetricsCommand({}));
    expect(sent[0]).toMatchObject({
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'GraniteServiceVersion20100801.ListMetrics',
      'x-amzn-query-mode': 'true',
    });

    const response = await fetch(cloud.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'GraniteServiceVersion20100801.PutMetricData',
        'x-amzn-query-mode': 'true',
      },
      body: JSON.stringify({ Namespace: 'AWS/Custom', MetricData: [{ MetricName: 'x', Value: 1 }] }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-query-error')).toBe('InvalidParameterValue;Sender');
    expect(await response.json()).toMatchObject({ __type: 'InvalidParameterValue' });
  });

  it('aggregates PutMetricData into GetMetricStatistics datapoints per period', async () => {
    const Dimensions = [{ Name: 'Service', Value: 'chat' }];
    await cw.send(
      new PutMetricDataCommand({
        Namespace: 'Chat/Test',
        MetricData: [
          { MetricName: 'Messages', Dimensions, Value: 3, Unit: 'Count', Timestamp: new Date(base + 5_000) },
          { MetricName: 'Messages', Dimensions, Value: 5, Unit: 'Count', Timestamp: new Date(base + 50_000) },
          {
            MetricName: 'Messages',
            Dimensions,
            Values: [1, 10],
            Counts: [2, 1],
            Unit: 'Count',
            Timestamp: new Date(base + MINUTE + 1_000),
          },
          {
            MetricName: 'Messages',
            Dimensions,
            StatisticValues: { SampleCount: 4, Sum: 20, Minimum: 2, Maximum: 8 },
            Unit: 'Count',
            Timestamp: new Date(base + 3 * MINUTE),
          },
        ],
      }),
    );
    const stats = await cw.send(
      new GetMetricStatisticsCommand({
        Namespace: 'Chat/Test',
        MetricName: 'Messages',
        Dimensions,
        StartTime: new Date(base),
        EndTime: new Date(base + 5 * MINUTE),
        Period: 60,
        Statistics: ['Sum', 'SampleCount', 'Average', 'Minimum', 'Maximum'],
      }),
    );
    expect(stats.Label).toBe('Messages');
    const points = [...(stats.Datapoints ?? [])].sort((a, b) => a.Timestamp!.getTime() - b.Timestamp!.getTime());
    expect(points).toEqual([
      { Timestamp: new Date(base), Sum: 8, SampleCount: 2, Average: 4, Minimum: 3, Maximum: 5, Unit: 'Count' },
      { Timestamp: new Date(base + MINUTE), Sum: 12, SampleCount: 3, Average: 4, Minimum: 1, Maximum: 10, Unit: 'Count' },
      { Timestamp: new Date(base + 3 * MINUTE), Sum: 20, SampleCount: 4, Average: 5, Minimum: 2, Maximum: 8, Unit: 'Count' },
    ]);

    const fiveMinutes = await cw.send(
      new GetMetricStatisticsCommand({
        Namespace: 'Chat/Test',
        MetricName: 'Messages',
        Dimensions,
        StartTime: new Date(base),
        EndTime: new Date(base + 5 * MINUTE),
        Period: 300,
        Statistics: ['Sum'],
      }),
    );
    expect(fiveMinutes.Datapoints).toEqual([{ Timestamp: new Date(base), Sum: 40, Unit: 'Count' }]);

    const otherDimensions = await cw.send(
      new GetMetricStatisticsCommand({
        Namespace: 'Chat/Test',
        MetricName: 'Messages',
        StartTime: new Date(base),
        EndTime: new Date(base + 5 * MINUTE),
        Period: 60,
        Statistics: ['Sum'],
      }),
    );
    expect(otherDimensions.Datapoints).toEqual([]);
  });

  it('answers GetMetricData newest first by default, and ascending on request', async () => {
    const query = {
      Id: 'm1',
      MetricStat: {
        Metric: { Namespace: 'Chat/Test', MetricName: 'Messages', Dimensions: [{ Name: 'Service', Value: 'chat' }] },
        Period: 60,
        Stat: 'Sum',
      },
    };
    const result = await cw.send(
      new GetMetricDataCommand({ MetricDataQueries: [query], StartTime: new Date(base), EndTime: new Date(base + 5 * MINUTE) }),
    );
    expect(result.MetricDataResults).toEqual([
      {
        Id: 'm1',
        Label: 'Messages',
        StatusCode: 'Complete',
        Timestamps: [new Date(base + 3 * MINUTE), new Date(base + MINUTE), new Date(base)],
        Values: [20, 12, 8],
      },
    ]);
    const ascending = await cw.send(
      new GetMetricDataCommand({
        MetricDataQueries: [{ ...query, Label: 'sent' }],
        StartTime: new Date(base),
        EndTime: new Date(base + 5 * MINUTE),
        ScanBy: 'TimestampAscending',
      }),
    );
    expect(ascending.MetricDataResults?.[0]).toMatchObject({ Label: 'sent', Values: [8, 12, 20] });
  });

  it('lists metrics filtered by namespace, name and dimensions', async () => {
    await cw.send(
      new PutMetricDataCommand({
        Namespace: 'Chat/List',
        MetricData: [
          { MetricName: 'A', Dimensions: [{ Name: 'Stage', Value: 'prod' }], Value: 1 },
          { MetricName: 'A', Dimensions: [{ Name: 'Stage', Value: 'dev' }], Value: 1 },
          { MetricName: 'B', Value: 1 },
        ],
      }),
    );
    const all = await cw.send(new ListMetricsCommand({ Namespace: 'Chat/List' }));
    expect(all.Metrics).toHaveLength(3);
    const prod = await cw.send(new ListMetricsCommand({ Namespace: 'Chat/List', Dimensions: [{ Name: 'Stage', Value: 'prod' }] }));
    expect(prod.Metrics).toEqual([{ Namespace: 'Chat/List', MetricName: 'A', Dimensions: [{ Name: 'Stage', Value: 'prod' }] }]);
    const anyStage = await cw.send(new ListMetricsCommand({ Namespace: 'Chat/List', Dimensions: [{ Name: 'Stage' }] }));
    expect(anyStage.Metrics).toHaveLength(2);
    const recent = await cw.send(new ListMetricsCommand({ MetricName: 'B', RecentlyActive: 'PT3H' }));
    expect(recent.Metrics).toEqual([{ Namespace: 'Chat/List', MetricName: 'B', Dimensions: [] }]);
  });

  it('rejects bad input with CloudWatch errors', async () => {
    await expect(
      cw.send(new PutMetricDataCommand({ Namespace: 'AWS/Lambda', MetricData: [{ MetricName: 'Invocations', Value: 1 }] })),
    ).rejects.toBeInstanceOf(InvalidParameterValueException);
    await expect(
      cw.send(
        new PutMetricDataCommand({
          Namespace: 'Chat/Test',
          MetricData: [{ MetricName: 'x', Value: 1, StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 } }],
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidParameterCombinationException);
    await expect(
      cw.send(
        new PutMetricDataCommand({
          Namespace: 'Chat/Test',
          MetricData: [{ MetricName: 'x', Value: 1, Timestamp: new Date(Date.now() - 15 * 86_400_000) }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterValueException', Code: 'InvalidParameterValue' });
    await expect(
      cw.send(
        new GetMetricStatisticsCommand({
          Namespace: 'Chat/Test',
          MetricName: 'Messages',
          StartTime: new Date(base + MINUTE),
          EndTime: new Date(base),
          Period: 60,
          Statistics: ['Sum'],
        }),
      ),
    ).rejects.toMatchObject({ message: 'The parameter StartTime must be less than the parameter EndTime.' });
    await expect(
      cw.send(
        new GetMetricStatisticsCommand({
          Namespace: 'Chat/Test',
          MetricName: 'Messages',
          StartTime: new Date(base - 2 * 86_400_000),
          EndTime: new Date(base),
          Period: 60,
          Statistics: ['Sum'],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterCombinationException',
      message:
        'You have requested up to 2,880 datapoints, which exceeds the limit of 1,440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.',
    });
    await expect(
      cw.send(
        new GetMetricStatisticsCommand({
          Namespace: 'Chat/Test',
          MetricName: 'Messages',
          StartTime: new Date(base),
          EndTime: new Date(base + MINUTE),
          Period: 60,
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidParameterCombinationException);
  });
});
