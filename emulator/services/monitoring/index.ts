/**
 * CloudWatch metrics and alarms ('monitoring'): awsJson1_0 with the awsQueryCompatible trait
 * (`X-Amz-Target: GraniteServiceVersion20100801.*`, errors also in `x-amzn-query-error`), as the
 * pinned SDK speaks it. Other services emit AWS/Lambda and AWS/ApiGateway metrics through
 * `record()` (the MetricSink; written within 250 ms, and before any read). Metric data is
 * aggregated per account, region and minute in the store (high-resolution data keeps its second)
 * and kept 15 days. Metric alarms are evaluated on a timer (every 5 s;
 * `EMULATOR_ALARM_INTERVAL_MS`, 0 turns the timer off) over their last
 * EvaluationPeriods periods, aligned to Period as on AWS, the newest period being the one in
 * progress; transitions are recorded in DescribeAlarmHistory with AWS's texts. Alarm actions are
 * stored and recorded in the history as failed: nothing (SNS, Auto Scaling, EC2, Lambda) is
 * delivered. `GET /_emulator/monitoring/evaluate[?time=ISO]` evaluates every alarm at once.
 *
 * Not yet: the awsQuery protocol (form-encoded requests from older SDKs and CLIs), percentiles
 * and other extended statistics (GetMetricStatistics ExtendedStatistics, p99 in GetMetricData,
 * alarms on ExtendedStatistic are stored but not evaluated), metric math and Metrics Insights
 * (GetMetricData Expression; alarms with Metrics are stored but not evaluated), GetMetricData
 * pagination (NextToken) and LabelOptions, anomaly detection, composite alarms, alarm mute rules,
 * dashboards, metric streams, Contributor Insights, GetMetricWidgetImage, EntityMetricData,
 * cross-account observability, and the premature-alarm rule for M-out-of-N alarms.
 */

import type { AdminRoute } from '../../core/edge.js';
import { type EdgeRequest, type EdgeResponse, json } from '../../core/http.js';
import type { Service, ServiceContext } from '../../core/service.js';
import { awsJsonHandler, operationContext } from '../../protocols/aws-json.js';
import type { ServiceFactory } from '../index.js';
import { evaluateAll, type Transition } from './alarm-evaluator.js';
import { AlarmStore } from './alarm-store.js';
import type { MonitoringContext } from './context.js';
import type { MetricDatum, MetricSink } from './metric-sink.js';
import { MetricStore, type Sample } from './metric-store.js';
import { OPERATIONS } from './operations/index.js';
import { single } from './statistics.js';

const DEFAULT_INTERVAL_MS = 5000;
/** Platform metrics are written at most this often per account and region (reads see them at once). */
const SINK_FLUSH_MS = 250;
const RETENTION_MS = 15 * 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;

export class MonitoringService implements Service, MetricSink {
  readonly name = 'monitoring';
  readonly metrics: MetricStore;
  readonly alarms: AlarmStore;
  private readonly handler: (req: EdgeRequest) => Promise<EdgeResponse>;
  private readonly timer: NodeJS.Timeout | undefined;
  /** Accounts and regions that received metric data since start, for retention. */
  private readonly scopes = new Set<string>();
  private lastPrune = Date.now();
  private evaluations = 0;
  /** Platform metrics not yet written, by `account/region`. */
  private readonly pending = new Map<string, Sample[]>();
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(private readonly ctx: ServiceContext) {
    this.metrics = new MetricStore(ctx.store);
    this.alarms = new AlarmStore(ctx.store);
    this.handler = awsJsonHandler<MonitoringContext>({
      serviceName: 'CloudWatch',
      contentType: 'application/x-amz-json-1.0',
      queryCompatible: true,
      operations: OPERATIONS,
      context: (req) => ({
        ...operationContext(req),
        metrics: this.metrics,
        alarms: this.alarms,
        scope: { account: req.account, region: req.region },
        now: () => Date.now(),
      }),
    });
    const interval = Number(process.env.EMULATOR_ALARM_INTERVAL_MS ?? DEFAULT_INTERVAL_MS);
    if (interval > 0) {
      this.timer = setInterval(() => this.tick(), interval);
      this.timer.unref();
    }
  }

  handle(req: EdgeRequest): Promise<EdgeResponse> {
    if (req.method === 'POST' && req.headers['x-amz-target']) this.scopes.add(`${req.account}/${req.region}`);
    this.flush();
    return this.handler(req);
  }

  /**
   * MetricSink: platform metrics (AWS/Lambda, AWS/ApiGateway...). They are written together a
   * moment later (one small write per minute document, however busy the platform is); every read
   * writes what is pending first. A kill -9 may lose the last quarter second of platform metrics,
   * which no caller was ever told were stored (PutMetricData writes before it answers).
   */
  record(account: string, region: string, data: MetricDatum[]): void {
    if (!data.length) return;
    const now = Date.now();
    const samples: Sample[] = data.map((d) => ({
      id: { namespace: d.namespace, name: d.name, dimensions: d.dimensions },
      unit: d.unit,
      timestamp: d.timestamp ?? now,
      agg: single(d.value),
      highResolution: false,
    }));
    const scope = `${account}/${region}`;
    const queued = this.pending.get(scope);
    if (queued) queued.push(...samples);
    else this.pending.set(scope, samples);
    this.scopes.add(scope);
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => this.flush(), SINK_FLUSH_MS);
      this.flushTimer.unref();
    }
  }

  /** Writes the platform metrics recorded since the last write. */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batches = [...this.pending];
    this.pending.clear();
    for (const [scope, samples] of batches) {
      const [account, region] = scope.split('/') as [string, string];
      try {
        this.metrics.add(account, region, samples);
      } catch (err) {
        this.ctx.log(`[monitoring] platform metrics not stored: ${(err as Error).message}`);
      }
    }
  }

  /** Evaluates every alarm now (or at `now`, for tests that control the clock). */
  evaluateNow(now = Date.now()): Transition[] {
    this.flush();
    this.evaluations++;
    return evaluateAll(this.alarms, this.metrics, now);
  }

  private tick(): void {
    try {
      this.evaluateNow();
      if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) this.prune();
    } catch (err) {
      this.ctx.log(`[monitoring] alarm evaluation failed: ${(err as Error).message}`);
    }
  }

  private prune(): void {
    this.lastPrune = Date.now();
    for (const scope of this.scopes) {
      const [account, region] = scope.split('/') as [string, string];
      this.metrics.prune(account, region, Date.now() - RETENTION_MS);
    }
  }

  health(): Record<string, unknown> {
    let inAlarm = 0;
    for (const scope of this.alarms.scopes()) inAlarm += this.alarms.list(scope).filter((a) => a.StateValue === 'ALARM').length;
    return { alarms: this.alarms.count(), alarmsInAlarm: inAlarm, evaluations: this.evaluations };
  }

  async reset(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pending.clear();
    this.metrics.forget();
    this.alarms.forget();
    this.scopes.clear();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.flush();
  }
}

function evaluateRoute(service: MonitoringService): AdminRoute {
  return (req) => {
    const time = req.query.get('time');
    const now = time ? Date.parse(time) : Date.now();
    if (Number.isNaN(now)) return json(400, { message: `Not a date: ${time}` });
    return json(200, { evaluatedAt: new Date(now).toISOString(), transitions: service.evaluateNow(now) });
  };
}

export const monitoringFactory: ServiceFactory = {
  create: (ctx) => new MonitoringService(ctx),
  adminRoutes: (service) => ({ 'monitoring/evaluate': evaluateRoute(service as MonitoringService) }),
};
