/** Aggregated samples: [sampleCount, sum, minimum, maximum]. */
export type Aggregate = [number, number, number, number];

export const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;
export type StatisticName = (typeof STATISTICS)[number];

export function isStatistic(value: unknown): value is StatisticName {
  return typeof value === 'string' && (STATISTICS as readonly string[]).includes(value);
}

export function single(value: number, count = 1): Aggregate {
  return [count, value * count, value, value];
}

export function merge(a: Aggregate | undefined, b: Aggregate): Aggregate {
  if (!a) return [...b];
  return [a[0] + b[0], a[1] + b[1], Math.min(a[2], b[2]), Math.max(a[3], b[3])];
}

export function statistic(agg: Aggregate, name: StatisticName): number {
  switch (name) {
    case 'SampleCount':
      return agg[0];
    case 'Sum':
      return agg[1];
    case 'Minimum':
      return agg[2];
    case 'Maximum':
      return agg[3];
    case 'Average':
      return agg[0] === 0 ? 0 : agg[1] / agg[0];
  }
}
