import type { Operation, OperationContext } from '../../protocols/aws-json.js';
import type { AlarmStore, Scope } from './alarm-store.js';
import type { MetricStore } from './metric-store.js';
import type { In, Out } from './wire.js';

export interface MonitoringContext extends OperationContext {
  metrics: MetricStore;
  alarms: AlarmStore;
  scope: Scope;
  now(): number;
}

/** An operation typed by the SDK's own input and output types, as they travel on the wire. */
export type MonitoringOperation<I, O> = Operation<In<I>, Out<O>, MonitoringContext>;
