import type { Store } from '../../core/store.js';
import {
  type BatchOperation,
  type DynaliteOperation,
  type DynaliteStore,
  dynaliteDb,
  getTable,
  runAction,
  type TableRecord,
  validateRequest,
} from './dynalite.js';
import { mirrorInMemory } from './memory-mirror.js';
import { appendOperations, readSequenceCounter, sequenceNumber, sequenceOperation } from './streams/stream-log.js';
import { type StreamIdentity, streamRecord } from './streams/stream-records.js';
import { cacheTableDescriptions } from './table-cache.js';
import { SettingsStore } from './table-settings.js';
import { WriteBuffer } from './write-buffer.js';

export type WriteOperation = 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'BatchWriteItem';

/** Told which streams of which database received records. */
export type StreamListener = (account: string, region: string, streamArns: string[]) => void;

/**
 * The DynamoDB data of one account and region: dynalite's LevelDB (items, indexes, and the stream
 * records beside them) plus the table settings dynalite does not know (streams, TTL).
 *
 * Every write runs under one lock and commits as a single LevelDB batch (items, index entries,
 * stream records, the stream sequence counter, transaction tokens): a write is all there or not
 * at all, even after a `kill -9`, readers never see half of it, and stream records are numbered
 * in commit order.
 */
export class Database {
  readonly store: DynaliteStore;
  readonly settings: SettingsStore;
  /** Resolves once the items are loaded in memory and the stream sequence is known. */
  private readonly ready: Promise<void>;
  private tail: Promise<unknown>;
  private counter = 0;
  private closed = false;

  constructor(
    readonly account: string,
    readonly region: string,
    path: string | undefined,
    stateStore: Store,
    private readonly onRecords: StreamListener,
  ) {
    this.store = dynaliteDb().create({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    // dynalite names tables in ARNs with these.
    this.store.tableDb.awsAccountId = account;
    this.store.tableDb.awsRegion = region;
    cacheTableDescriptions(this.store);
    this.settings = new SettingsStore(stateStore, account, region);
    const store = this.store;
    this.ready = (async () => {
      await mirrorInMemory(store);
      this.counter = await readSequenceCounter(store.db);
    })();
    this.tail = this.ready;
  }

  /** Runs `fn` with no other write in progress in this database. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => {
      if (this.closed) throw new Error('The DynamoDB database is closed');
      return fn();
    });
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Straight through dynalite: reads, and table operations (run those under `exclusive`). */
  async direct<T = Record<string, any>>(operation: DynaliteOperation, input: unknown): Promise<T> {
    const data = validateRequest(operation, input, this.store);
    await this.ready;
    return runAction<T>(operation, this.store, data);
  }

  /** A single or batch write, under the write lock, committed in one batch with its stream records. */
  write<T = Record<string, any>>(operation: WriteOperation, input: unknown): Promise<T> {
    const data = validateRequest(operation, input, this.store);
    return this.exclusive(async () => {
      const buffer = new WriteBuffer(this.store);
      const result = await runAction<T>(operation, buffer.store, data);
      await this.commit(buffer);
      return result;
    });
  }

  table(name: string, active = true): Promise<TableRecord> {
    return getTable(this.store, name, active);
  }

  /**
   * dynalite finishes creating, updating and deleting a table a moment after it answers; waits
   * for that, so a request right after CreateTable (or DeleteTable) finds the table ready (gone).
   */
  async settle(name: string, until: 'ACTIVE' | 'GONE'): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      const table = await this.table(name, false).catch(() => undefined);
      if (until === 'GONE' ? !table : table?.TableStatus === 'ACTIVE') return;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  /** The sequence number of the newest stream record of this database (of any table). */
  get lastSequenceNumber(): string {
    return sequenceNumber(this.counter);
  }

  /** The sequence number the next stream record will get. */
  get nextSequenceNumber(): string {
    return sequenceNumber(this.counter + 1);
  }

  /**
   * Applies a buffer's writes, plus `extra` operations, as one LevelDB batch together with the
   * stream records of the items it changed. Call it under `exclusive`.
   */
  async commit(buffer: WriteBuffer, extra: BatchOperation[] = [], identity?: StreamIdentity): Promise<void> {
    const ops = buffer.operations();
    ops.push(...extra);
    const streamed = new Set<string>();
    const now = Date.now();
    let counter = this.counter;
    for (const change of buffer.itemChanges()) {
      const enabled = this.settings.table(change.table)?.stream;
      const stream = enabled && this.settings.stream(enabled.arn);
      if (!stream) continue;
      const record = streamRecord(change, stream.KeySchema, stream.StreamViewType, this.region, sequenceNumber(counter + 1), now, identity);
      if (!record) continue;
      counter++;
      ops.push(...appendOperations(stream, [record], now));
      streamed.add(stream.StreamArn);
    }
    if (counter !== this.counter) ops.push(sequenceOperation(counter));
    if (ops.length) await this.store.db.batch(ops);
    this.counter = counter;
    if (streamed.size) this.onRecords(this.account, this.region, [...streamed]);
  }

  /** Waits for the writes in progress, then closes the LevelDB (so its directory can be opened again). */
  async close(): Promise<void> {
    await this.exclusive(async () => {
      this.closed = true;
    }).catch(() => undefined);
    await new Promise<void>((resolve, reject) => this.store.db.close((err) => (err ? reject(err) : resolve())));
  }
}
