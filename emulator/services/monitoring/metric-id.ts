import { createHash } from 'node:crypto';
import type { Dimension } from '@aws-sdk/client-cloudwatch';

/** A metric is the unique combination of a namespace, a name and a set of dimensions. */
export interface MetricId {
  namespace: string;
  name: string;
  dimensions: Record<string, string>;
}

/** A canonical string for a metric (dimensions sorted by name). */
export function metricKey(id: MetricId): string {
  const dims = Object.keys(id.dimensions)
    .sort()
    .map((name) => [name, id.dimensions[name]]);
  return JSON.stringify([id.namespace, id.name, dims]);
}

/** A short, path-safe name for a metric's documents. */
export function metricHash(key: string): string {
  return createHash('sha1').update(key).digest('hex').slice(0, 24);
}

export function dimensionsFrom(list: Dimension[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of list ?? []) out[d.Name ?? ''] = d.Value ?? '';
  return out;
}

export function dimensionList(dimensions: Record<string, string>): Dimension[] {
  return Object.keys(dimensions)
    .sort()
    .map((Name) => ({ Name, Value: dimensions[Name]! }));
}
