import type { Database } from './database.js';
import { dynaliteDb, type Item, type TableRecord } from './dynalite.js';
import { missingMember, ValidationException } from './errors.js';
import { TTL_IDENTITY } from './streams/stream-records.js';
import { WriteBuffer } from './write-buffer.js';

export interface TimeToLiveSpecificationInput {
  Enabled?: boolean;
  AttributeName?: string;
}

/** Turns TTL on or off for a table. Locally the change is immediate (AWS takes up to an hour: ENABLING, DISABLING). */
export async function updateTimeToLive(db: Database, tableName: string, spec: TimeToLiveSpecificationInput | undefined) {
  if (!spec) throw missingMember('timeToLiveSpecification');
  if (typeof spec.Enabled !== 'boolean') throw missingMember('timeToLiveSpecification.enabled');
  if (typeof spec.AttributeName !== 'string') throw missingMember('timeToLiveSpecification.attributeName');
  if (spec.AttributeName.length < 1 || spec.AttributeName.length > 255) {
    throw new ValidationException(
      `1 validation error detected: Value '${spec.AttributeName}' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length ${spec.AttributeName.length ? 'less than or equal to 255' : 'greater than or equal to 1'}`,
    );
  }
  const attributeName = spec.AttributeName;
  return db.exclusive(async () => {
    await db.table(tableName, false);
    const settings = db.settings.table(tableName) ?? {};
    if (spec.Enabled) {
      if (settings.ttl?.attributeName === attributeName) throw new ValidationException('TimeToLive is already enabled');
      if (settings.ttl) {
        throw new ValidationException(
          `TimeToLive is active on a different AttributeName: current AttributeName is ${settings.ttl.attributeName}`,
        );
      }
      db.settings.putTable(tableName, { ...settings, ttl: { attributeName } });
    } else {
      if (!settings.ttl) throw new ValidationException('TimeToLive is already disabled');
      db.settings.putTable(tableName, { ...settings, ttl: undefined });
    }
    return { TimeToLiveSpecification: { Enabled: spec.Enabled, AttributeName: attributeName } };
  });
}

export async function describeTimeToLive(db: Database, tableName: string) {
  await db.table(tableName, false);
  const ttl = db.settings.table(tableName)?.ttl;
  return {
    TimeToLiveDescription: ttl
      ? { TimeToLiveStatus: 'ENABLED' as const, AttributeName: ttl.attributeName }
      : { TimeToLiveStatus: 'DISABLED' as const },
  };
}

const FIVE_YEARS_MS = 5 * 365 * 24 * 60 * 60 * 1000;
const MAX_DELETES_PER_SWEEP = 1000;

/**
 * Whether an item has expired: its TTL attribute is a Number of epoch seconds in the past. As on
 * AWS, values more than five years in the past are ignored (they are not expiry times).
 */
export function isExpired(item: Item, attributeName: string, now: number): boolean {
  const value = item[attributeName];
  if (!value || typeof value.N !== 'string') return false;
  const ms = Number(value.N) * 1000;
  return Number.isFinite(ms) && ms <= now && ms > now - FIVE_YEARS_MS;
}

/** Deletes the expired items of every table with TTL enabled, with REMOVE stream records naming the service. */
export async function sweepExpiredItems(db: Database, now = Date.now()): Promise<number> {
  let deleted = 0;
  for (const [tableName, ttl] of db.settings.tablesWithTtl()) {
    let table: TableRecord;
    try {
      table = await db.table(tableName);
    } catch {
      continue;
    }
    const prefix = `item-${tableName}~`;
    const expired: string[] = [];
    for await (const [key, item] of db.store.db.iterator({ gte: prefix, lt: `${prefix}\xff` })) {
      if (isExpired(item as Item, ttl.attributeName, now)) expired.push(key.slice(prefix.length));
      if (expired.length >= MAX_DELETES_PER_SWEEP) break;
    }
    if (!expired.length) continue;
    deleted += await db.exclusive(async () => {
      const buffer = new WriteBuffer(db.store);
      let count = 0;
      for (const key of expired) {
        // Written since the scan? Then it is judged again.
        const item = await buffer.readItem(tableName, key);
        if (!item || !isExpired(item, ttl.attributeName, Date.now())) continue;
        await new Promise<void>((resolve, reject) =>
          dynaliteDb().updateIndexes(buffer.store, table, item, null, (err) => (err ? reject(err) : resolve())),
        );
        await new Promise<void>((resolve, reject) => buffer.store.getItemDb(tableName).del(key, (err) => (err ? reject(err) : resolve())));
        count++;
      }
      await db.commit(buffer, [], TTL_IDENTITY);
      return count;
    });
  }
  return deleted;
}
