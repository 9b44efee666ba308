import { evaluate, evaluationWindow, isEvaluable, type PeriodValue } from './alarm-evaluation.js';
import { changeState } from './alarm-state.js';
import type { AlarmRecord, AlarmStore, Scope } from './alarm-store.js';
import { dimensionsFrom } from './metric-id.js';
import { type MetricStore, periods } from './metric-store.js';
import { type Aggregate, merge } from './statistics.js';

export interface Transition {
  account: string;
  region: string;
  alarmName: string;
  from: string;
  to: string;
}

/** The values of an alarm's metric over its evaluation window, oldest period first. */
export function alarmPeriods(metrics: MetricStore, scope: Scope, alarm: AlarmRecord, now: number): PeriodValue[] {
  const { starts, periodMs } = evaluationWindow(alarm, now);
  const first = starts[0]!;
  const id = { namespace: alarm.Namespace ?? '', name: alarm.MetricName ?? '', dimensions: dimensionsFrom(alarm.Dimensions) };
  const slots = metrics.slots(scope.account, scope.region, id, first, starts[starts.length - 1]! + periodMs);
  const grouped = periods(slots, first, periodMs, alarm.Unit);
  return starts.map((start) => {
    let agg: Aggregate | undefined;
    for (const unitAgg of grouped.get(start)?.values() ?? []) agg = merge(agg, unitAgg);
    return { start, agg };
  });
}

/** Evaluates one alarm and records a transition when its state changes. */
export function evaluateAlarm(
  alarms: AlarmStore,
  metrics: MetricStore,
  scope: Scope,
  alarm: AlarmRecord,
  now: number,
): Transition | undefined {
  if (!isEvaluable(alarm)) return undefined;
  const verdict = evaluate(alarm, alarmPeriods(metrics, scope, alarm, now), now);
  if (!verdict || verdict.state === alarm.StateValue) return undefined;
  changeState(alarms, scope, alarm, { state: verdict.state, reason: verdict.reason, reasonData: JSON.stringify(verdict.reasonData) }, now);
  return { ...scope, alarmName: alarm.AlarmName, from: alarm.StateValue ?? 'INSUFFICIENT_DATA', to: verdict.state };
}

/** Evaluates every alarm of every account and region. */
export function evaluateAll(alarms: AlarmStore, metrics: MetricStore, now: number): Transition[] {
  const transitions: Transition[] = [];
  for (const scope of alarms.scopes()) {
    for (const alarm of alarms.list(scope)) {
      const t = evaluateAlarm(alarms, metrics, scope, alarm, now);
      if (t) transitions.push(t);
    }
  }
  return transitions;
}
