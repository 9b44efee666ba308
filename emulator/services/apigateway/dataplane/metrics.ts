import type { Service, ServiceRegistry } from '../../../core/service.js';
import type { MetricDatum, MetricSink } from '../../monitoring/metric-sink.js';
import type { Invocation } from './context.js';

/**
 * AWS/ApiGateway metrics of one request (Count, 4XXError, 5XXError, Latency, IntegrationLatency),
 * by {ApiName} and by {ApiName, Stage}, when the local cloud runs CloudWatch metrics.
 */
export function recordRequestMetrics(
  services: ServiceRegistry,
  inv: Invocation,
  status: number,
  latencyMs: number,
  log: (m: string) => void,
) {
  const apiName = inv.api?.api.name;
  if (!apiName || !services.has('monitoring')) return;
  const timestamp = inv.requestTimeEpoch;
  const data: MetricDatum[] = [];
  const byApi: Record<string, string> = { ApiName: apiName };
  for (const dimensions of [byApi, { ApiName: apiName, Stage: inv.stageName }]) {
    const datum = (name: string, value: number, unit: MetricDatum['unit']) =>
      data.push({ namespace: 'AWS/ApiGateway', name, dimensions, value, unit, timestamp });
    datum('Count', 1, 'Count');
    datum('4XXError', status >= 400 && status < 500 ? 1 : 0, 'Count');
    datum('5XXError', status >= 500 ? 1 : 0, 'Count');
    datum('Latency', latencyMs, 'Milliseconds');
    if (inv.integrationLatency !== undefined) datum('IntegrationLatency', inv.integrationLatency, 'Milliseconds');
  }
  try {
    services.get<Service & MetricSink>('monitoring').record(inv.account, inv.region, data);
  } catch (err) {
    log(`[apigateway] metrics not recorded: ${(err as Error).message}`);
  }
}
