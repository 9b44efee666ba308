import type { BatchOperation, Callback, DynaliteStore, Item, SubDb } from './dynalite.js';

/** A change to one item: its image before and after (undefined when absent). */
export interface ItemChange {
  table: string;
  oldImage: Item | undefined;
  newImage: Item | undefined;
}

const ITEM_PREFIX = 'item-';
const DELETED = Symbol('deleted');

/**
 * A write overlay over dynalite's store: dynalite's actions run against `store` as usual, but
 * their writes (items and index entries) stay here until `operations()` hands them over as one
 * LevelDB batch, which LevelDB applies atomically. Reads see the overlay first, so the actions of
 * a transaction see each other's effects; the first read of each item is remembered as its image
 * before the write, for stream records.
 */
export class WriteBuffer {
  private readonly pending = new Map<string, unknown>();
  private readonly before = new Map<string, Item | undefined>();
  readonly store: DynaliteStore;

  constructor(private readonly base: DynaliteStore) {
    const overlay = (prefix: string) => this.subDb(prefix);
    this.store = Object.assign(Object.create(base) as DynaliteStore, {
      getItemDb: (table: string) => overlay(`${ITEM_PREFIX}${table}~`),
      getIndexDb: (indexType: string, table: string, index: string) => overlay(`index-${indexType.toLowerCase()}~${table}~${index}~`),
    });
  }

  /** Reads an item through the overlay (undefined when absent). */
  readItem(table: string, key: string): Promise<Item | undefined> {
    return new Promise((resolve, reject) => {
      this.subDb(`${ITEM_PREFIX}${table}~`).get(key, (err, value) => (err ? reject(err) : resolve(value as Item | undefined)));
    });
  }

  get empty(): boolean {
    return this.pending.size === 0;
  }

  /** The buffered writes as LevelDB batch operations, in the order they were first made. */
  operations(): BatchOperation[] {
    const ops: BatchOperation[] = [];
    for (const [key, value] of this.pending) ops.push(value === DELETED ? { type: 'del', key } : { type: 'put', key, value });
    return ops;
  }

  /** The items written, with their images before and after, in the order they were first written. */
  itemChanges(): ItemChange[] {
    const changes: ItemChange[] = [];
    for (const [key, value] of this.pending) {
      if (!key.startsWith(ITEM_PREFIX)) continue;
      const table = key.slice(ITEM_PREFIX.length, key.indexOf('~'));
      changes.push({ table, oldImage: this.before.get(key), newImage: value === DELETED ? undefined : (value as Item) });
    }
    return changes;
  }

  private subDb(prefix: string): SubDb {
    const db = this.base.db;
    return {
      get: (key: string, cb: Callback) => {
        const full = prefix + key;
        if (this.pending.has(full)) {
          const value = this.pending.get(full);
          queueMicrotask(() => cb(null, value === DELETED ? undefined : value));
          return;
        }
        db.get(full).then(
          (value) => {
            if (!this.before.has(full)) this.before.set(full, value as Item | undefined);
            cb(null, value);
          },
          (err: Error) => (err.name === 'NotFoundError' ? cb(null, undefined) : cb(err)),
        );
      },
      put: (key: string, value: unknown, cb: Callback) => {
        this.pending.set(prefix + key, value);
        queueMicrotask(() => cb(null));
      },
      del: (key: string, cb: Callback) => {
        this.pending.set(prefix + key, DELETED);
        queueMicrotask(() => cb(null));
      },
      // Writes are serialised by the database's own lock; dynalite's per-key lock has nothing left to do.
      lock: (_key, fn) => fn((cb) => cb),
    };
  }
}
