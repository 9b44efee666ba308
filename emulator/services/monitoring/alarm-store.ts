import type { AlarmHistoryItem, MetricAlarm, Tag } from '@aws-sdk/client-cloudwatch';
import type { Store } from '../../core/store.js';
import type { Wire } from './wire.js';

export type AlarmRecord = Wire<MetricAlarm> & { AlarmName: string; AlarmArn: string; Tags?: Tag[] };
export type HistoryRecord = Wire<AlarmHistoryItem> & { AlarmName: string; Timestamp: number };

export interface Scope {
  account: string;
  region: string;
}

const HISTORY_DAYS = 14;
const HISTORY_PER_ALARM = 500;

/**
 * Alarms and their history in the store: one document per alarm, one per alarm's history (AWS
 * keeps two weeks of it, also after the alarm is deleted). An in-memory index of alarm names per
 * account and region lets the evaluator visit every alarm without scanning the store.
 */
export class AlarmStore {
  private index: Map<string, Set<string>> | undefined;

  constructor(private readonly store: Store) {}

  private prefix(scope: Scope): string {
    return `monitoring/${scope.account}/${scope.region}`;
  }

  private alarmKey(scope: Scope, name: string): string {
    return `${this.prefix(scope)}/alarms/${encodeURIComponent(name)}`;
  }

  private historyKey(scope: Scope, name: string): string {
    return `${this.prefix(scope)}/history/${encodeURIComponent(name)}`;
  }

  private names(): Map<string, Set<string>> {
    if (this.index) return this.index;
    const index = new Map<string, Set<string>>();
    for (const key of this.store.keys('monitoring')) {
      const m = /^monitoring\/([^/]+)\/([^/]+)\/alarms\/([^/]+)$/.exec(key);
      if (!m) continue;
      const scope = `${m[1]}/${m[2]}`;
      if (!index.has(scope)) index.set(scope, new Set());
      index.get(scope)!.add(decodeURIComponent(m[3]!));
    }
    this.index = index;
    return index;
  }

  get(scope: Scope, name: string): AlarmRecord | undefined {
    return this.store.get<AlarmRecord>(this.alarmKey(scope, name));
  }

  put(scope: Scope, alarm: AlarmRecord): void {
    this.store.put(this.alarmKey(scope, alarm.AlarmName), alarm);
    const key = `${scope.account}/${scope.region}`;
    const names = this.names();
    if (!names.has(key)) names.set(key, new Set());
    names.get(key)!.add(alarm.AlarmName);
  }

  delete(scope: Scope, name: string): void {
    this.store.delete(this.alarmKey(scope, name));
    this.names().get(`${scope.account}/${scope.region}`)?.delete(name);
  }

  /** Alarms of one account and region, sorted by name as DescribeAlarms lists them. */
  list(scope: Scope): AlarmRecord[] {
    const names = [...(this.names().get(`${scope.account}/${scope.region}`) ?? [])].sort();
    return names.map((n) => this.get(scope, n)).filter((a): a is AlarmRecord => a !== undefined);
  }

  scopes(): Scope[] {
    return [...this.names().entries()]
      .filter(([, names]) => names.size > 0)
      .map(([key]) => {
        const [account, region] = key.split('/') as [string, string];
        return { account, region };
      });
  }

  count(): number {
    let n = 0;
    for (const names of this.names().values()) n += names.size;
    return n;
  }

  history(scope: Scope, name?: string): HistoryRecord[] {
    if (name !== undefined) return this.store.get<HistoryRecord[]>(this.historyKey(scope, name)) ?? [];
    return this.store.keys(`${this.prefix(scope)}/history`).flatMap((k) => this.store.get<HistoryRecord[]>(k) ?? []);
  }

  appendHistory(scope: Scope, items: HistoryRecord[]): void {
    if (!items.length) return;
    const name = items[0]!.AlarmName;
    const cutoff = Date.now() / 1000 - HISTORY_DAYS * 86_400;
    const kept = [...this.history(scope, name), ...items].filter((i) => i.Timestamp >= cutoff).slice(-HISTORY_PER_ALARM);
    this.store.put(this.historyKey(scope, name), kept);
  }

  forget(): void {
    this.index = undefined;
  }
}
