import type { Datapoint, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { Endpoint } from './endpoint.js';
import { NotFound } from './params.js';
import type { ServiceCalls } from './service-calls.js';

const SERVICE = 'monitoring';
const target = (operation: string) => `GraniteServiceVersion20100801.${operation}`;
/** GetMetricStatistics answers at most this many datapoints. */
const MAX_DATAPOINTS = 1440;

/** Timestamps travel as epoch seconds in this protocol. */
type WireAlarm = Omit<MetricAlarm, 'StateUpdatedTimestamp' | 'AlarmConfigurationUpdatedTimestamp'> & {
  StateUpdatedTimestamp?: number;
  AlarmConfigurationUpdatedTimestamp?: number;
};
type WireDatapoint = Omit<Datapoint, 'Timestamp'> & { Timestamp?: number };

async function metricAlarms(calls: ServiceCalls, names?: string[]): Promise<WireAlarm[]> {
  const all: WireAlarm[] = [];
  let NextToken: string | undefined;
  do {
    const page = await calls.json<{ MetricAlarms?: WireAlarm[]; NextToken?: string }>(SERVICE, target('DescribeAlarms'), {
      AlarmNames: names,
      AlarmTypes: ['MetricAlarm'],
      MaxRecords: 100,
      NextToken,
    });
    all.push(...(page.MetricAlarms ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return all;
}

/**
 * The datapoints of the metric an alarm watches, over the last `minutes`, with the alarm's own
 * statistic and period (coarser when the window would need more than 1440 datapoints).
 * Undefined for alarms on metric math or percentiles, which have no single metric to chart.
 */
export async function alarmChart(calls: ServiceCalls, alarm: WireAlarm, minutes: number, now = Date.now()) {
  if (!alarm.MetricName || !alarm.Statistic || !alarm.Period) return undefined;
  const windowSeconds = minutes * 60;
  const period = Math.max(alarm.Period, Math.ceil(windowSeconds / MAX_DATAPOINTS / 60) * 60);
  const end = Math.ceil(now / 1000);
  const start = end - windowSeconds;
  const { Datapoints = [] } = await calls.json<{ Datapoints?: WireDatapoint[] }>(SERVICE, target('GetMetricStatistics'), {
    Namespace: alarm.Namespace,
    MetricName: alarm.MetricName,
    Dimensions: alarm.Dimensions,
    Statistics: [alarm.Statistic],
    Period: period,
    StartTime: start,
    EndTime: end,
  });
  return {
    namespace: alarm.Namespace,
    metricName: alarm.MetricName,
    dimensions: alarm.Dimensions ?? [],
    statistic: alarm.Statistic,
    period,
    start: start * 1000,
    end: end * 1000,
    threshold: alarm.Threshold,
    points: Datapoints.map((d) => ({ t: (d.Timestamp ?? 0) * 1000, v: d[alarm.Statistic!] as number }))
      .filter((p) => typeof p.v === 'number')
      .sort((a, b) => a.t - b.t),
  };
}

function summary(alarm: WireAlarm) {
  return {
    name: alarm.AlarmName,
    description: alarm.AlarmDescription,
    state: alarm.StateValue,
    reason: alarm.StateReason,
    stateUpdatedAt: alarm.StateUpdatedTimestamp === undefined ? undefined : alarm.StateUpdatedTimestamp * 1000,
    namespace: alarm.Namespace,
    metricName: alarm.MetricName,
    dimensions: alarm.Dimensions ?? [],
    statistic: alarm.Statistic ?? alarm.ExtendedStatistic,
    period: alarm.Period,
    evaluationPeriods: alarm.EvaluationPeriods,
    datapointsToAlarm: alarm.DatapointsToAlarm,
    threshold: alarm.Threshold,
    comparison: alarm.ComparisonOperator,
    treatMissingData: alarm.TreatMissingData,
    actionsEnabled: alarm.ActionsEnabled,
  };
}

/** Every metric alarm with its state, without charts. */
export const alarmStates: Endpoint = async ({ calls }) => ({ alarms: (await metricAlarms(calls)).map(summary) });

/** Every metric alarm with its state and a chart of its metric over the last `minutes` (default 60). */
export const alarms: Endpoint = async ({ calls, params }) => {
  const minutes = params.integer('minutes', 60, 5, 15 * 24 * 60);
  const all = await metricAlarms(calls);
  return { alarms: await Promise.all(all.map(async (a) => ({ ...summary(a), chart: await alarmChart(calls, a, minutes) }))) };
};

/** One alarm, its chart and its recent history. */
export const alarm: Endpoint = async ({ calls, params }) => {
  const name = params.required('name', 255);
  const minutes = params.integer('minutes', 180, 5, 15 * 24 * 60);
  const [found] = await metricAlarms(calls, [name]);
  if (!found) throw new NotFound(`No metric alarm named ${name}.`);
  const history = await calls.json<{
    AlarmHistoryItems?: Array<{ Timestamp?: number; HistoryItemType?: string; HistorySummary?: string }>;
  }>(SERVICE, target('DescribeAlarmHistory'), { AlarmName: name, MaxRecords: 20, ScanBy: 'TimestampDescending' });
  return {
    alarm: summary(found),
    chart: await alarmChart(calls, found, minutes),
    history: (history.AlarmHistoryItems ?? []).map((h) => ({
      timestamp: h.Timestamp === undefined ? undefined : h.Timestamp * 1000,
      type: h.HistoryItemType,
      summary: h.HistorySummary,
    })),
  };
};

export const ALARM_STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const;

/** Action: SetAlarmState (the next evaluation sets the state the data calls for, as on AWS). */
export const setAlarmState: Endpoint = async ({ calls, params }) => {
  const name = params.required('name', 255);
  params.required('state', 32);
  const state = params.oneOf('state', ALARM_STATES, 'OK');
  const reason = params.optional('reason', 1023) ?? 'Set from the local console';
  await calls.json(SERVICE, target('SetAlarmState'), { AlarmName: name, StateValue: state, StateReason: reason });
  return { name, state, reason };
};
