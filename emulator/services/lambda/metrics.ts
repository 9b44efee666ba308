import type { Service, ServiceRegistry } from '../../core/service.js';
import type { MetricDatum, MetricSink } from '../monitoring/metric-sink.js';
import type { ConcurrencyLease, InvocationScope } from './concurrency.js';

const NAMESPACE = 'AWS/Lambda';

/**
 * The AWS/Lambda metrics of invocations, sent to the CloudWatch service when it runs. Like AWS,
 * each datum is emitted once per dimension set: across all functions (none), per FunctionName,
 * per FunctionName + Resource (`name:alias` or `name:version`, for qualified invocations) and per
 * FunctionName + Resource + ExecutedVersion (for alias invocations). Data are batched and handed
 * over just after the invocation answers, off its round trip.
 */
export class LambdaMetrics {
  private readonly pending = new Map<string, { account: string; region: string; data: MetricDatum[] }>();
  private scheduled = false;

  constructor(private readonly services: ServiceRegistry) {}

  /** An invocation ran: Invocations, Errors (0 or 1), Throttles (0), Duration and ConcurrentExecutions. */
  invoked(scope: InvocationScope, outcome: { durationMs: number; error: boolean }, running: ConcurrencyLease['running']): void {
    if (!this.enabled()) return;
    const timestamp = Date.now();
    const data: MetricDatum[] = [];
    for (const dimensions of dimensionSets(scope)) {
      data.push(
        datum('Invocations', dimensions, 1, 'Count', timestamp),
        datum('Errors', dimensions, outcome.error ? 1 : 0, 'Count', timestamp),
        datum('Throttles', dimensions, 0, 'Count', timestamp),
        datum('Duration', dimensions, Math.round(outcome.durationMs * 100) / 100, 'Milliseconds', timestamp),
        datum('ConcurrentExecutions', dimensions, concurrentIn(dimensions, running), 'Count', timestamp),
      );
    }
    data.push(datum('UnreservedConcurrentExecutions', {}, running.unreserved, 'Count', timestamp));
    this.queue(scope, data);
  }

  /** An invocation was refused for concurrency: Throttles 1. */
  throttled(scope: InvocationScope): void {
    if (!this.enabled()) return;
    const timestamp = Date.now();
    this.queue(
      scope,
      dimensionSets(scope).map((dimensions) => datum('Throttles', dimensions, 1, 'Count', timestamp)),
    );
  }

  flush(): void {
    this.scheduled = false;
    const batches = [...this.pending.values()];
    this.pending.clear();
    if (!this.enabled()) return;
    const sink = this.services.get<Service & MetricSink>('monitoring');
    for (const batch of batches) {
      try {
        sink.record(batch.account, batch.region, batch.data);
      } catch (err) {
        console.error('[lambda] could not record metrics:', err);
      }
    }
  }

  private enabled(): boolean {
    return this.services.has('monitoring');
  }

  private queue(scope: InvocationScope, data: MetricDatum[]): void {
    const key = `${scope.account}/${scope.region}`;
    const batch = this.pending.get(key);
    if (batch) batch.data.push(...data);
    else this.pending.set(key, { account: scope.account, region: scope.region, data });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }
}

function dimensionSets(scope: InvocationScope): Record<string, string>[] {
  const sets: Record<string, string>[] = [{}, { FunctionName: scope.functionName }];
  if (scope.resource) {
    sets.push({ FunctionName: scope.functionName, Resource: scope.resource });
    if (scope.executedVersion) {
      sets.push({ FunctionName: scope.functionName, Resource: scope.resource, ExecutedVersion: scope.executedVersion });
    }
  }
  return sets;
}

function concurrentIn(dimensions: Record<string, string>, running: ConcurrencyLease['running']): number {
  if (dimensions.ExecutedVersion) return running.executedVersion ?? 0;
  if (dimensions.Resource) return running.resource ?? 0;
  if (dimensions.FunctionName) return running.function;
  return running.account;
}

function datum(name: string, dimensions: Record<string, string>, value: number, unit: MetricDatum['unit'], timestamp: number): MetricDatum {
  return { namespace: NAMESPACE, name, dimensions, value, unit, timestamp };
}
