import type { ListMetricsCommandInput, ListMetricsCommandOutput } from '@aws-sdk/client-cloudwatch';
import type { MonitoringOperation } from '../context.js';
import { invalidMember } from '../errors.js';
import { page } from '../tokens.js';

const PAGE_SIZE = 500;
const TWO_WEEKS = 14 * 86_400_000;
const THREE_HOURS = 3 * 3_600_000;

export const ListMetrics: MonitoringOperation<ListMetricsCommandInput, ListMetricsCommandOutput> = (input, ctx) => {
  if (input.RecentlyActive !== undefined && input.RecentlyActive !== 'PT3H') {
    throw invalidMember('recentlyActive', input.RecentlyActive, 'Member must satisfy enum value set: [PT3H]');
  }
  const since = ctx.now() - (input.RecentlyActive ? THREE_HOURS : TWO_WEEKS);
  const filters = input.Dimensions ?? [];
  const matching = ctx.metrics
    .metrics(ctx.account, ctx.region)
    .filter((m) => m.lastSeen >= since)
    .filter((m) => input.Namespace === undefined || m.Namespace === input.Namespace)
    .filter((m) => input.MetricName === undefined || m.MetricName === input.MetricName)
    .filter((m) => filters.every((f) => m.Dimensions.some((d) => d.Name === f.Name && (f.Value === undefined || d.Value === f.Value))))
    .map(({ Namespace, MetricName, Dimensions }) => ({ Namespace, MetricName, Dimensions }))
    .sort((a, b) => a.Namespace.localeCompare(b.Namespace) || a.MetricName.localeCompare(b.MetricName));
  const { items, next } = page(matching, input.NextToken, PAGE_SIZE);
  return { Metrics: items, NextToken: next };
};
