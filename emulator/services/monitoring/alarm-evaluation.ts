import type { StateValue } from '@aws-sdk/client-cloudwatch';
import type { AlarmRecord } from './alarm-store.js';
import { javaDouble, reasonDataDate, reasonDate } from './reason-format.js';
import type { Aggregate, StatisticName } from './statistics.js';
import { isStatistic, statistic } from './statistics.js';

export interface PeriodValue {
  /** Start of the period, epoch ms. */
  start: number;
  agg?: Aggregate;
}

export interface Verdict {
  state: StateValue;
  reason: string;
  reasonData: Record<string, unknown>;
}

const COMPARISONS: Record<string, { test: (v: number, t: number) => boolean; text: string }> = {
  GreaterThanOrEqualToThreshold: { test: (v, t) => v >= t, text: 'greater than or equal to' },
  GreaterThanThreshold: { test: (v, t) => v > t, text: 'greater than' },
  LessThanThreshold: { test: (v, t) => v < t, text: 'less than' },
  LessThanOrEqualToThreshold: { test: (v, t) => v <= t, text: 'less than or equal to' },
};

/** Alarms the local evaluator understands: one metric, a plain statistic, a static threshold. */
export function isEvaluable(alarm: AlarmRecord): boolean {
  return (
    alarm.MetricName !== undefined &&
    isStatistic(alarm.Statistic) &&
    typeof alarm.Threshold === 'number' &&
    COMPARISONS[alarm.ComparisonOperator ?? ''] !== undefined
  );
}

/**
 * The periods an evaluation at `now` looks at: the EvaluationPeriods most recent periods, aligned
 * to multiples of Period as on AWS, the newest being the one in progress (locally an alarm reacts
 * within one evaluation tick instead of waiting for the period to close).
 */
export function evaluationWindow(alarm: AlarmRecord, now: number): { starts: number[]; periodMs: number } {
  const periodMs = (alarm.Period ?? 60) * 1000;
  const current = Math.floor(now / periodMs) * periodMs;
  const n = alarm.EvaluationPeriods ?? 1;
  return { periodMs, starts: Array.from({ length: n }, (_, i) => current - (n - 1 - i) * periodMs) };
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The state an alarm should be in given its periods (oldest first); undefined keeps the current state. */
export function evaluate(alarm: AlarmRecord, values: PeriodValue[], now: number): Verdict | undefined {
  const stat = alarm.Statistic as StatisticName;
  const comparison = COMPARISONS[alarm.ComparisonOperator!]!;
  const threshold = alarm.Threshold!;
  const n = values.length;
  const m = Math.min(alarm.DatapointsToAlarm ?? n, n);
  const treat = alarm.TreatMissingData ?? 'missing';
  const present = values.filter((v): v is Required<PeriodValue> => v.agg !== undefined);
  const points = present.map((v) => ({ start: v.start, value: statistic(v.agg, stat), sampleCount: v.agg[0] }));
  const reasonData: Record<string, unknown> = {
    version: '1.0',
    queryDate: reasonDataDate(now),
    startDate: reasonDataDate(values[0]?.start ?? now),
    ...(alarm.Unit ? { unit: alarm.Unit } : {}),
    statistic: stat,
    period: alarm.Period,
    recentDatapoints: points.map((p) => p.value),
    threshold,
    evaluatedDatapoints: [...points]
      .reverse()
      .map((p) => ({ timestamp: reasonDataDate(p.start), sampleCount: p.sampleCount, value: p.value })),
  };

  if (!points.length) {
    if (treat === 'ignore') return undefined;
    const details = `no datapoints were received for ${n} ${plural(n, 'period', 'periods')} and ${n} missing ${plural(n, 'datapoint was', 'datapoints were')} treated as`;
    if (treat === 'breaching') return { state: 'ALARM', reason: `Threshold Crossed: ${details} [Breaching].`, reasonData };
    if (treat === 'notBreaching') return { state: 'OK', reason: `Threshold Crossed: ${details} [NonBreaching].`, reasonData };
    return { state: 'INSUFFICIENT_DATA', reason: `Insufficient Data: ${details} [Missing].`, reasonData };
  }

  const missing = n - points.length;
  const breachingPoints = points.filter((p) => comparison.test(p.value, threshold)).length;
  const breaches = breachingPoints + (treat === 'breaching' ? missing : 0);
  const state: StateValue = breaches >= m ? 'ALARM' : 'OK';
  const counted = state === 'ALARM' ? breachingPoints : points.length - breachingPoints;
  const listed = [...points]
    .reverse()
    .map((p) => `${javaDouble(p.value)} (${reasonDate(p.start)})`)
    .join(', ');
  const from = alarm.StateValue ?? 'INSUFFICIENT_DATA';
  const reason =
    `Threshold Crossed: ${counted} out of the last ${points.length} ${plural(points.length, 'datapoint', 'datapoints')} [${listed}] ` +
    `${plural(counted, 'was', 'were')} ${state === 'ALARM' ? '' : 'not '}${comparison.text} the threshold (${javaDouble(threshold)}) ` +
    `(minimum ${m} ${plural(m, 'datapoint', 'datapoints')} for ${from} -> ${state} transition).`;
  return { state, reason, reasonData };
}
