import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  DescribeAlarmsForMetricCommand,
  DisableAlarmActionsCommand,
  EnableAlarmActionsCommand,
  InvalidParameterValueException,
  ListTagsForResourceCommand,
  PutMetricAlarmCommand,
  type PutMetricAlarmCommandInput,
  PutMetricDataCommand,
  ResourceNotFound,
  SetAlarmStateCommand,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';

const MINUTE = 60_000;
const TOPIC = 'arn:aws:sns:us-east-1:000000000000:ops';

describe('CloudWatch alarms', () => {
  let cloud: TestCloud;
  let cw: CloudWatchClient;
  /** Evaluations run at chosen instants after this minute boundary (the timer is off in tests). */
  const base = Math.floor(Date.now() / MINUTE) * MINUTE - 20 * MINUTE;

  beforeAll(async () => {
    process.env.EMULATOR_ALARM_INTERVAL_MS = '0';
    cloud = await startTestCloud({ persist: true });
    cw = new CloudWatchClient(cloud.clientConfig);
  });
  afterAll(async () => cloud.close());

  async function evaluateAt(ms: number): Promise<Array<{ alarmName: string; from: string; to: string }>> {
    const response = await fetch(`${cloud.url}/_emulator/monitoring/evaluate?time=${new Date(ms).toISOString()}`);
    return ((await response.json()) as { transitions: Array<{ alarmName: string; from: string; to: string }> }).transitions;
  }

  async function put(metric: string, value: number, at: number): Promise<void> {
    await cw.send(
      new PutMetricDataCommand({ Namespace: 'Chat/Alarms', MetricData: [{ MetricName: metric, Value: value, Timestamp: new Date(at) }] }),
    );
  }

  const alarm = (name: string, metric: string, extra: Partial<PutMetricAlarmCommandInput> = {}): PutMetricAlarmCommandInput => ({
    AlarmName: name,
    Namespace: 'Chat/Alarms',
    MetricName: metric,
    Statistic: 'Sum',
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    ...extra,
  });

  async function state(name: string) {
    return (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms?.[0];
  }

  it('goes OK → ALARM → OK on its metric and records each transition', async () => {
    await cw.send(
      new PutMetricAlarmCommand(
        alarm('chat-errors', 'Errors', {
          TreatMissingData: 'notBreaching',
          AlarmActions: [TOPIC],
          AlarmDescription: 'Any error in a minute',
          Tags: [{ Key: 'app', Value: 'chat' }],
        }),
      ),
    );
    expect(await state('chat-errors')).toMatchObject({
      AlarmArn: 'arn:aws:cloudwatch:us-east-1:000000000000:alarm:chat-errors',
      StateValue: 'INSUFFICIENT_DATA',
      StateReason: 'Unchecked: Initial alarm creation',
      ActionsEnabled: true,
      AlarmActions: [TOPIC],
      Dimensions: [],
    });

    expect(await evaluateAt(base + 30_000)).toEqual([
      { account: '000000000000', region: 'us-east-1', alarmName: 'chat-errors', from: 'INSUFFICIENT_DATA', to: 'OK' },
    ]);
    expect((await state('chat-errors'))?.StateReason).toBe(
      'Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [NonBreaching].',
    );

    await put('Errors', 2, base + MINUTE + 5_000);
    expect(await evaluateAt(base + MINUTE + 30_000)).toMatchObject([{ alarmName: 'chat-errors', from: 'OK', to: 'ALARM' }]);
    const inAlarm = await state('chat-errors');
    expect(inAlarm?.StateValue).toBe('ALARM');
    expect(inAlarm?.StateReason).toMatch(
      /^Threshold Crossed: 1 out of the last 1 datapoint \[2\.0 \(\d\d\/\d\d\/\d\d \d\d:\d\d:00\)\] was greater than or equal to the threshold \(1\.0\) \(minimum 1 datapoint for OK -> ALARM transition\)\.$/,
    );
    expect(JSON.parse(inAlarm?.StateReasonData ?? '{}')).toMatchObject({
      version: '1.0',
      statistic: 'Sum',
      period: 60,
      recentDatapoints: [2],
      threshold: 1,
      evaluatedDatapoints: [{ sampleCount: 1, value: 2 }],
    });
    expect(await evaluateAt(base + MINUTE + 50_000)).toEqual([]);

    expect(await evaluateAt(base + 2 * MINUTE + 10_000)).toMatchObject([{ from: 'ALARM', to: 'OK' }]);

    const history = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: 'chat-errors' }));
    const created = history.AlarmHistoryItems?.find((i) => i.HistoryItemType === 'ConfigurationUpdate');
    expect(created?.HistorySummary).toBe('Alarm "chat-errors" created');
    expect(JSON.parse(created?.HistoryData ?? '{}')).toMatchObject({
      type: 'Create',
      createdAlarm: { alarmName: 'chat-errors', threshold: 1 },
    });
    // The evaluations ran at instants in the past: the configuration update is the newest item.
    expect(history.AlarmHistoryItems?.filter((i) => i !== created).map((i) => [i.HistoryItemType, i.HistorySummary])).toEqual([
      ['StateUpdate', 'Alarm updated from ALARM to OK'],
      ['Action', `Failed to execute action ${TOPIC}. Received error: "The local cloud does not deliver alarm actions"`],
      ['StateUpdate', 'Alarm updated from OK to ALARM'],
      ['StateUpdate', 'Alarm updated from INSUFFICIENT_DATA to OK'],
    ]);
    const toAlarm = history.AlarmHistoryItems?.find((i) => i.HistorySummary === 'Alarm updated from OK to ALARM');
    expect(toAlarm?.AlarmType).toBe('MetricAlarm');
    expect(toAlarm?.Timestamp).toEqual(new Date(base + MINUTE + 30_000));
    expect(JSON.parse(toAlarm?.HistoryData ?? '{}')).toMatchObject({
      version: '1.0',
      oldState: { stateValue: 'OK' },
      newState: { stateValue: 'ALARM', stateReasonData: { recentDatapoints: [2] } },
    });
    const stateUpdates = await cw.send(
      new DescribeAlarmHistoryCommand({
        AlarmName: 'chat-errors',
        HistoryItemType: 'StateUpdate',
        ScanBy: 'TimestampAscending',
        MaxRecords: 2,
      }),
    );
    expect(stateUpdates.AlarmHistoryItems?.map((i) => i.HistorySummary)).toEqual([
      'Alarm updated from INSUFFICIENT_DATA to OK',
      'Alarm updated from OK to ALARM',
    ]);
    expect(stateUpdates.NextToken).toBeTruthy();

    const tags = await cw.send(new ListTagsForResourceCommand({ ResourceARN: inAlarm?.AlarmArn }));
    expect(tags.Tags).toEqual([{ Key: 'app', Value: 'chat' }]);
  });

  it('needs DatapointsToAlarm breaching periods out of EvaluationPeriods, and treats missing data as told', async () => {
    await cw.send(new PutMetricAlarmCommand(alarm('two-of-three', 'Load', { EvaluationPeriods: 3, DatapointsToAlarm: 2, Threshold: 10 })));
    const start = base + 5 * MINUTE;
    await put('Load', 20, start + 1_000);
    await put('Load', 5, start + MINUTE + 1_000);
    expect(await evaluateAt(start + 2 * MINUTE + 1_000)).toMatchObject([
      { alarmName: 'two-of-three', from: 'INSUFFICIENT_DATA', to: 'OK' },
    ]);
    await put('Load', 30, start + 2 * MINUTE + 2_000);
    expect(await evaluateAt(start + 2 * MINUTE + 3_000)).toMatchObject([{ alarmName: 'two-of-three', to: 'ALARM' }]);
    expect((await state('two-of-three'))?.StateReason).toMatch(
      /^Threshold Crossed: 2 out of the last 3 datapoints \[30\.0 .*\] were greater than/,
    );

    // Three periods later nothing arrived: "missing" data leaves the alarm without data.
    expect(await evaluateAt(start + 6 * MINUTE)).toMatchObject([{ alarmName: 'two-of-three', from: 'ALARM', to: 'INSUFFICIENT_DATA' }]);
    expect((await state('two-of-three'))?.StateReason).toBe(
      'Insufficient Data: no datapoints were received for 3 periods and 3 missing datapoints were treated as [Missing].',
    );
    await cw.send(new DeleteAlarmsCommand({ AlarmNames: ['two-of-three'] }));
  });

  it('finds alarms by metric, sets states by hand, switches actions and deletes', async () => {
    await cw.send(
      new PutMetricAlarmCommand(
        alarm('api-5xx', '5XXError', { Dimensions: [{ Name: 'ApiName', Value: 'Chat-API' }], AlarmActions: [TOPIC] }),
      ),
    );
    const found = await cw.send(
      new DescribeAlarmsForMetricCommand({
        Namespace: 'Chat/Alarms',
        MetricName: '5XXError',
        Dimensions: [{ Name: 'ApiName', Value: 'Chat-API' }],
      }),
    );
    expect(found.MetricAlarms?.map((a) => a.AlarmName)).toEqual(['api-5xx']);
    const none = await cw.send(new DescribeAlarmsForMetricCommand({ Namespace: 'Chat/Alarms', MetricName: '5XXError' }));
    expect(none.MetricAlarms).toEqual([]);

    await cw.send(new DisableAlarmActionsCommand({ AlarmNames: ['api-5xx', 'no-such-alarm'] }));
    expect((await state('api-5xx'))?.ActionsEnabled).toBe(false);
    await cw.send(new SetAlarmStateCommand({ AlarmName: 'api-5xx', StateValue: 'ALARM', StateReason: 'testing the pager' }));
    expect(await state('api-5xx')).toMatchObject({ StateValue: 'ALARM', StateReason: 'testing the pager' });
    const history = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: 'api-5xx' }));
    expect(history.AlarmHistoryItems?.map((i) => i.HistoryItemType).sort()).toEqual(['ConfigurationUpdate', 'StateUpdate']);
    await cw.send(new EnableAlarmActionsCommand({ AlarmNames: ['api-5xx'] }));
    expect((await state('api-5xx'))?.ActionsEnabled).toBe(true);

    const inAlarm = await cw.send(new DescribeAlarmsCommand({ StateValue: 'ALARM', AlarmNamePrefix: 'api-' }));
    expect(inAlarm.MetricAlarms?.map((a) => a.AlarmName)).toEqual(['api-5xx']);

    await expect(
      cw.send(new SetAlarmStateCommand({ AlarmName: 'no-such-alarm', StateValue: 'OK', StateReason: 'x' })),
    ).rejects.toBeInstanceOf(ResourceNotFound);
    await cw.send(new DeleteAlarmsCommand({ AlarmNames: ['api-5xx', 'no-such-alarm'] }));
    expect(await state('api-5xx')).toBeUndefined();
  });

  it('rejects invalid alarms', async () => {
    await expect(cw.send(new PutMetricAlarmCommand(alarm('bad-period', 'Errors', { Period: 45 })))).rejects.toBeInstanceOf(
      InvalidParameterValueException,
    );
    await expect(
      cw.send(new PutMetricAlarmCommand(alarm('bad-op', 'Errors', { ComparisonOperator: 'Above' as 'GreaterThanThreshold' }))),
    ).rejects.toMatchObject({ Code: 'ValidationError', $metadata: { httpStatusCode: 400 } });
    await expect(
      cw.send(new SetAlarmStateCommand({ AlarmName: 'chat-errors', StateValue: 'ALARM', StateReason: 'x', StateReasonData: '{not json' })),
    ).rejects.toMatchObject({ Code: 'InvalidFormat' });
  });

  it('refuses a list member of another JSON type with SerializationException, storing nothing', async () => {
    const call = (operation: string, body: object) =>
      fetch(cloud.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `GraniteServiceVersion20100801.${operation}`,
          'x-amzn-query-mode': 'true',
        },
        body: JSON.stringify(body),
      });
    const before = await cw.send(new DescribeAlarmsCommand({}));
    const alarm = { AlarmName: 'typed', MetricName: 'Errors', Namespace: 'AWS/Lambda', Statistic: 'Sum', Period: 60 };
    for (const [operation, body] of [
      ['DescribeAlarms', { AlarmNames: {} }],
      ['DeleteAlarms', { AlarmNames: {} }],
      ['DisableAlarmActions', { AlarmNames: 'chat-errors' }],
      ['PutMetricAlarm', { ...alarm, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold', AlarmActions: {} }],
    ] as const) {
      const response = await call(operation, body);
      expect({ operation, status: response.status, type: ((await response.json()) as { __type: string }).__type }).toEqual({
        operation,
        status: 400,
        type: 'SerializationException',
      });
    }
    expect(await cw.send(new DescribeAlarmsCommand({}))).toMatchObject({ MetricAlarms: before.MetricAlarms });
  });
});
