import { Readable } from 'node:stream';
import type { BatchOperation, Callback, DynaliteStore } from './dynalite.js';

/** The LevelDB methods (dynalite's callback-or-promise wrappers) the mirror sits on. */
interface MirroredLevel {
  status: string;
  getSync(key: string): unknown;
  get(key: string, cb?: unknown): Promise<unknown> | undefined;
  put(key: string, value: unknown, cb?: Callback): Promise<void> | undefined;
  del(key: string, cb?: Callback): Promise<void> | undefined;
  batch(ops: BatchOperation[], cb?: Callback): Promise<void> | undefined;
  iterator(options: Record<string, unknown>): AsyncIterableIterator<[string, unknown]>;
  createValueStream(options: Record<string, unknown>): Readable;
}

/** Items and index entries: the keys dynalite reads by range. Table records and stream records stay on disk only. */
const MIRRORED = /^(item-[^~]*~|index-[^~]*~[^~]*~[^~]*~)/;

/** The keys of one item table or one index, sorted, with their values. */
class SortedRange {
  private readonly keys: string[] = [];
  private readonly values = new Map<string, unknown>();

  get(key: string): unknown {
    return this.values.get(key);
  }

  set(key: string, value: unknown): void {
    if (!this.values.has(key)) this.keys.splice(this.lowerBound(key), 0, key);
    this.values.set(key, value);
  }

  delete(key: string): void {
    if (!this.values.delete(key)) return;
    this.keys.splice(this.lowerBound(key), 1);
  }

  /** Values with keys in the range LevelDB's options describe, in key order (or reversed). */
  range(options: Record<string, unknown>): unknown[] {
    const lower = (options.gte ?? options.gt) as string | undefined;
    const upper = (options.lte ?? options.lt) as string | undefined;
    let start = lower === undefined ? 0 : this.lowerBound(lower);
    if (options.gt !== undefined && this.keys[start] === options.gt) start++;
    let end = upper === undefined ? this.keys.length : this.lowerBound(upper);
    if (options.lte !== undefined && this.keys[end] === options.lte) end++;
    const keys = this.keys.slice(start, Math.max(start, end));
    if (options.reverse) keys.reverse();
    const limit = typeof options.limit === 'number' && options.limit >= 0 ? options.limit : keys.length;
    return keys.slice(0, limit).map((key) => this.values.get(key));
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Keeps every item and index entry of a dynalite store in memory as well as in LevelDB. LevelDB
 * stays the durable copy (every write goes there first and lands in memory once written); reads
 * of items and index ranges (GetItem, Query, Scan, the item reads of writes) are answered from
 * memory, which spares a native iterator per query. Loads the store's items on open.
 */
export async function mirrorInMemory(store: DynaliteStore): Promise<void> {
  const db = store.db as unknown as MirroredLevel;
  const ranges = new Map<string, SortedRange>();
  const rangeOf = (key: string, create: boolean): SortedRange | undefined => {
    const m = MIRRORED.exec(key);
    if (!m) return undefined;
    let range = ranges.get(m[1]!);
    if (!range && create) ranges.set(m[1]!, (range = new SortedRange()));
    return range;
  };
  const apply = (type: 'put' | 'del', key: string, value?: unknown) => {
    if (type === 'put') rangeOf(key, true)?.set(key, value);
    else rangeOf(key, false)?.delete(key);
  };

  for (const [lower, upper] of [
    ['index-', 'index.'],
    ['item-', 'item.'],
  ] as const) {
    for await (const [key, value] of db.iterator({ gte: lower, lt: upper })) apply('put', key, value);
  }

  const { put, del, batch, get } = { put: db.put.bind(db), del: db.del.bind(db), batch: db.batch.bind(db), get: db.get.bind(db) };
  const afterWrite = <T>(write: (cb?: Callback) => Promise<T> | undefined, applyAll: () => void, cb?: Callback) => {
    if (cb) {
      write((err) => {
        if (!err) applyAll();
        cb(err);
      });
      return undefined;
    }
    return write()!.then((result) => {
      applyAll();
      return result;
    });
  };
  db.put = (key, value, cb) =>
    afterWrite(
      (c) => put(key, value, c),
      () => apply('put', key, value),
      cb,
    );
  db.del = (key, cb) =>
    afterWrite(
      (c) => del(key, c),
      () => apply('del', key),
      cb,
    );
  db.batch = (ops, cb) =>
    afterWrite(
      (c) => batch(ops, c),
      () => {
        for (const op of ops) apply(op.type, op.key, op.value);
      },
      cb,
    );

  db.get = (key: string, cb?: unknown) => {
    // Only the forms dynalite uses: (key) and (key, callback).
    if (cb !== undefined && typeof cb !== 'function') return get(key, cb);
    let value: unknown;
    let error: unknown;
    if (MIRRORED.test(key)) value = rangeOf(key, false)?.get(key);
    else if (db.status !== 'open') return get(key, cb);
    else {
      try {
        value = db.getSync(key);
      } catch (err) {
        error = err;
      }
    }
    if (typeof cb === 'function') {
      queueMicrotask(() => (cb as Callback)(error as Error | undefined, value));
      return undefined;
    }
    return error ? Promise.reject(error) : Promise.resolve(value);
  };

  db.createValueStream = (options) => {
    const lower = (options.gte ?? options.gt) as string | undefined;
    const range = lower === undefined ? undefined : rangeOf(lower, false);
    if (lower !== undefined && MIRRORED.test(lower)) return Readable.from(range ? range.range(options) : [], { objectMode: true });
    const iterator = db.iterator(options);
    return Readable.from(
      (async function* () {
        for await (const [, value] of iterator) yield value;
      })(),
      { objectMode: true },
    );
  };
}
