import type { Dimension } from '@aws-sdk/client-cloudwatch';
import type { Store } from '../../core/store.js';
import { dimensionList, type MetricId, metricHash, metricKey } from './metric-id.js';
import { type Aggregate, merge } from './statistics.js';

/** One aggregated observation of a metric at a point in time. */
export interface Sample {
  id: MetricId;
  unit: string;
  /** Epoch milliseconds. */
  timestamp: number;
  agg: Aggregate;
  /** High-resolution data keeps its second; standard data is aggregated per minute, as on AWS. */
  highResolution: boolean;
}

export interface MetricRecord {
  Namespace: string;
  MetricName: string;
  Dimensions: Dimension[];
  /** Epoch ms of the newest data point seen (refreshed at most every few minutes). */
  lastSeen: number;
}

/** Aggregates of one minute: metric key → slot (`second|unit`) → aggregate. */
type MinuteDoc = Record<string, Record<string, Aggregate>>;

const MINUTE = 60_000;
const LAST_SEEN_REFRESH = 5 * MINUTE;
const CACHED_MINUTES = 4;

/**
 * Metric data in the store, cheap to write: one document per account, region and minute holds
 * the aggregates of every metric that received data in that minute, so a burst of platform
 * metrics costs one small rewrite. A registry document per metric answers ListMetrics.
 */
export class MetricStore {
  /** The few minute documents being written, kept parsed. */
  private readonly recent = new Map<string, MinuteDoc>();
  /** Registry key → lastSeen already on disk. */
  private readonly registered = new Map<string, number>();

  constructor(private readonly store: Store) {}

  private prefix(account: string, region: string): string {
    return `monitoring/${account}/${region}`;
  }

  private minuteKey(account: string, region: string, minute: number): string {
    return `${this.prefix(account, region)}/minutes/${minute}`;
  }

  private readMinute(key: string): MinuteDoc | undefined {
    return this.recent.get(key) ?? this.store.get<MinuteDoc>(key);
  }

  add(account: string, region: string, samples: Sample[]): void {
    const touched = new Map<string, MinuteDoc>();
    /** Metric key → the newest sample of that metric in this batch. */
    const newest = new Map<string, Sample>();
    for (const sample of samples) {
      const minute = Math.floor(sample.timestamp / MINUTE) * MINUTE;
      const docKey = this.minuteKey(account, region, minute);
      let doc = touched.get(docKey);
      if (!doc) {
        doc = this.readMinute(docKey) ?? {};
        touched.set(docKey, doc);
      }
      const second = sample.highResolution ? Math.floor((sample.timestamp - minute) / 1000) : 0;
      const slot = `${second}|${sample.unit}`;
      const key = metricKey(sample.id);
      const series = (doc[key] ??= {});
      series[slot] = merge(series[slot], sample.agg);
      const seen = newest.get(key);
      if (!seen || sample.timestamp > seen.timestamp) newest.set(key, sample);
    }
    for (const [docKey, doc] of touched) {
      this.store.put(docKey, doc);
      this.recent.delete(docKey);
      this.recent.set(docKey, doc);
      if (this.recent.size > CACHED_MINUTES) this.recent.delete(this.recent.keys().next().value!);
    }
    this.register(account, region, newest);
  }

  /** Keeps each metric's registry document, rewritten when its lastSeen is a few minutes old. */
  private register(account: string, region: string, newest: Map<string, Sample>): void {
    for (const [key, sample] of newest) {
      const registryKey = `${this.prefix(account, region)}/metrics/${metricHash(key)}`;
      let written = this.registered.get(registryKey);
      if (written === undefined) {
        written = this.store.get<MetricRecord>(registryKey)?.lastSeen ?? 0;
        this.registered.set(registryKey, written);
      }
      if (sample.timestamp - written < LAST_SEEN_REFRESH) continue;
      const record: MetricRecord = {
        Namespace: sample.id.namespace,
        MetricName: sample.id.name,
        Dimensions: dimensionList(sample.id.dimensions),
        lastSeen: sample.timestamp,
      };
      this.store.put(registryKey, record);
      this.registered.set(registryKey, sample.timestamp);
    }
  }

  /** Every data slot of a metric with a timestamp in [from, to), oldest first. */
  slots(
    account: string,
    region: string,
    id: MetricId,
    from: number,
    to: number,
  ): Array<{ timestamp: number; unit: string; agg: Aggregate }> {
    const key = metricKey(id);
    const out: Array<{ timestamp: number; unit: string; agg: Aggregate }> = [];
    for (let minute = Math.floor(from / MINUTE) * MINUTE; minute < to; minute += MINUTE) {
      const series = this.readMinute(this.minuteKey(account, region, minute))?.[key];
      if (!series) continue;
      for (const [slot, agg] of Object.entries(series)) {
        const bar = slot.indexOf('|');
        const timestamp = minute + Number(slot.slice(0, bar)) * 1000;
        if (timestamp >= from && timestamp < to) out.push({ timestamp, unit: slot.slice(bar + 1), agg });
      }
    }
    return out.sort((a, b) => a.timestamp - b.timestamp);
  }

  metrics(account: string, region: string): MetricRecord[] {
    const prefix = `${this.prefix(account, region)}/metrics`;
    return this.store.keys(prefix).map((k) => this.store.get<MetricRecord>(k)!);
  }

  /** Drops minute documents older than `before` and metrics not seen since. */
  prune(account: string, region: string, before: number): void {
    const minutesPrefix = `${this.prefix(account, region)}/minutes`;
    for (const key of this.store.keys(minutesPrefix)) {
      if (Number(key.slice(minutesPrefix.length + 1)) < before - MINUTE) {
        this.store.delete(key);
        this.recent.delete(key);
      }
    }
    const metricsPrefix = `${this.prefix(account, region)}/metrics`;
    for (const key of this.store.keys(metricsPrefix)) {
      if ((this.store.get<MetricRecord>(key)?.lastSeen ?? 0) < before) {
        this.store.delete(key);
        this.registered.delete(key);
      }
    }
  }

  forget(): void {
    this.recent.clear();
    this.registered.clear();
  }
}

/** Groups slots into periods starting at `start`: period start → unit → aggregate. */
export function periods(
  slots: Array<{ timestamp: number; unit: string; agg: Aggregate }>,
  start: number,
  periodMs: number,
  unit?: string,
): Map<number, Map<string, Aggregate>> {
  const out = new Map<number, Map<string, Aggregate>>();
  for (const slot of slots) {
    if (unit !== undefined && slot.unit !== unit) continue;
    const bucket = start + Math.floor((slot.timestamp - start) / periodMs) * periodMs;
    let byUnit = out.get(bucket);
    if (!byUnit) out.set(bucket, (byUnit = new Map()));
    byUnit.set(slot.unit, merge(byUnit.get(slot.unit), slot.agg));
  }
  return out;
}
