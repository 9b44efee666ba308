/**
 * DynamoDB and DynamoDB Streams (awsJson1_0), one database per account and region. dynalite
 * (in process, LevelDB on disk under the state directory) gives validation, expressions and
 * item storage; this layer adds, on the same LevelDB:
 * - one write lock per database, each write committed as one atomic LevelDB batch (items, index
 *   entries, stream records, transaction tokens); items and index entries mirrored in memory for
 *   reads (LevelDB stays the durable copy, loaded back on open);
 * - TransactWriteItems / TransactGetItems: isolated, all-or-nothing even across a kill -9,
 *   cancellation reasons in request order, ClientRequestToken idempotency for 10 minutes;
 * - Streams: StreamSpecification on CreateTable/UpdateTable, LatestStreamArn/Label, and the
 *   Streams API (ListStreams, DescribeStream, GetShardIterator of every type, GetRecords) with
 *   KEYS_ONLY / NEW_IMAGE / OLD_IMAGE / NEW_AND_OLD_IMAGES records for every write path, none for
 *   a write that changes nothing, kept 24 hours;
 * - TTL: UpdateTimeToLive / DescribeTimeToLive; a sweeper (every second, or
 *   EMULATOR_DYNAMODB_TTL_SWEEP_MS) deletes expired items with REMOVE records naming the service;
 * - `DynamoDbStreamSource`, read by Lambda event source mappings.
 *
 * Not yet: PartiQL (ExecuteStatement, BatchExecuteStatement, ExecuteTransaction), backups and
 * point-in-time recovery, exports/imports, global tables, Kinesis streaming destinations,
 * resource policies, DescribeLimits/DescribeEndpoints, contributor insights; ConsumedCapacity
 * and ItemCollectionMetrics of TransactWriteItems/TransactGetItems; the CREATING/UPDATING,
 * ENABLING/DISABLING transitions (table, stream and TTL changes apply at once) and TTL's rate
 * limit on changes; more than one shard per stream; throughput limits and throttling; the
 * 4 MB limit of a transaction's total size. Every item is held in memory as well as on disk.
 */

import type { EdgeRequest, EdgeResponse } from '../../core/http.js';
import type { Service, ServiceContext } from '../../core/service.js';
import { awsJsonHandler, operationContext } from '../../protocols/aws-json.js';
import type { DynamoContext } from './context.js';
import { Database, type StreamListener } from './database.js';
import { ValidationException } from './errors.js';
import { OPERATIONS } from './operations/index.js';
import { STREAMS_OPERATIONS } from './streams/operations/index.js';
import { dropRecords, RETENTION_MS, readRecords, trimRecords } from './streams/stream-log.js';
import type { DynamoDbStreamSource, StreamInfo } from './streams/stream-source.js';
import { RequestTokens } from './transactions/request-tokens.js';
import { sweepExpiredItems } from './ttl.js';

export type { StreamRecordData } from './streams/stream-records.js';
export type { DynamoDbStreamSource, StreamInfo } from './streams/stream-source.js';

export interface DynamoDbServiceOptions {
  /** How often expired items are deleted; default 1000 ms, or EMULATOR_DYNAMODB_TTL_SWEEP_MS. */
  ttlSweepIntervalMs?: number;
}

const STREAMS_TARGET = 'DynamoDBStreams_20120810.';
const MAINTENANCE_INTERVAL_MS = 60_000;

export class DynamoDbService implements Service, DynamoDbStreamSource {
  readonly name = 'dynamodb';
  private readonly databases = new Map<string, Database>();
  private readonly listeners = new Set<StreamListener>();
  private readonly handleDynamo: (req: EdgeRequest) => Promise<EdgeResponse>;
  private readonly handleStreams: (req: EdgeRequest) => Promise<EdgeResponse>;
  private readonly sweepTimer: NodeJS.Timeout;
  private sweeping = false;
  private closed = false;
  private lastMaintenance = Date.now();
  /** Databases with TTL tables from an earlier run, opened at the first sweep. */
  private pendingTtlDatabases: Array<[string, string]>;

  constructor(
    private readonly ctx: ServiceContext,
    options: DynamoDbServiceOptions = {},
  ) {
    const context = (req: EdgeRequest): DynamoContext => ({ ...operationContext(req), db: this.database(req.account, req.region) });
    const contentType = 'application/x-amz-json-1.0';
    this.handleDynamo = awsJsonHandler({ serviceName: 'DynamoDB', contentType, operations: OPERATIONS, context });
    this.handleStreams = awsJsonHandler({ serviceName: 'DynamoDB Streams', contentType, operations: STREAMS_OPERATIONS, context });
    this.pendingTtlDatabases = this.databasesWithTtl();
    const interval = options.ttlSweepIntervalMs ?? (Number(process.env.EMULATOR_DYNAMODB_TTL_SWEEP_MS) || 1000);
    this.sweepTimer = setInterval(() => void this.sweep(), interval);
    this.sweepTimer.unref();
  }

  handle(req: EdgeRequest): Promise<EdgeResponse> {
    return (req.headers['x-amz-target'] ?? '').startsWith(STREAMS_TARGET) ? this.handleStreams(req) : this.handleDynamo(req);
  }

  /** The database of an account and region, opened on first use. */
  database(account: string, region: string): Database {
    if (this.closed) throw new Error('The DynamoDB service is closed');
    // Both name a directory: nothing but letters, digits and dashes.
    if (!/^[a-zA-Z0-9-]{1,40}$/.test(region) || !/^[a-zA-Z0-9-]{1,40}$/.test(account)) {
      throw new ValidationException(`Invalid region or account in the request's credentials: ${region}, ${account}`);
    }
    const key = `${account}/${region}`;
    let db = this.databases.get(key);
    if (!db) {
      const dir = this.ctx.store.directory('dynamodb');
      db = new Database(account, region, dir ? `${dir}/${account}/${region}` : undefined, this.ctx.store, (a, r, arns) =>
        this.notify(a, r, arns),
      );
      this.databases.set(key, db);
    }
    return db;
  }

  async streamInfo(account: string, region: string, streamArn: string): Promise<StreamInfo | undefined> {
    const db = this.database(account, region);
    return db.exclusive(async () => {
      const stream = db.settings.stream(streamArn);
      if (!stream) return undefined;
      return {
        tableName: stream.TableName,
        status: stream.StreamStatus,
        viewType: stream.StreamViewType,
        lastSequenceNumber: stream.EndingSequenceNumber ?? db.lastSequenceNumber,
      };
    });
  }

  async readStream(account: string, region: string, streamArn: string, after: string | undefined, limit: number) {
    const db = this.database(account, region);
    const stream = db.settings.stream(streamArn);
    if (!stream) return [];
    return readRecords(db.store.db, stream, after, false, limit);
  }

  onStreamRecords(listener: StreamListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(account: string, region: string, streamArns: string[]): void {
    for (const listener of this.listeners) {
      try {
        listener(account, region, streamArns);
      } catch (err) {
        console.error('[dynamodb] stream listener failed:', err);
      }
    }
  }

  private databasesWithTtl(): Array<[string, string]> {
    const found = new Set<string>();
    for (const key of this.ctx.store.keys('dynamodb')) {
      const [, account, region, kind] = key.split('/');
      if (kind === 'tables' && this.ctx.store.get<{ ttl?: unknown }>(key)?.ttl) found.add(`${account}/${region}`);
    }
    return [...found].map((k) => k.split('/') as [string, string]);
  }

  /** Deletes expired items; once a minute also trims stream records older than 24 h and forgets old transaction tokens. */
  private async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      for (const [account, region] of this.pendingTtlDatabases.splice(0)) this.database(account, region);
      const maintain = Date.now() - this.lastMaintenance >= MAINTENANCE_INTERVAL_MS;
      if (maintain) this.lastMaintenance = Date.now();
      for (const db of [...this.databases.values()]) {
        await sweepExpiredItems(db);
        if (maintain) await maintainDatabase(db);
      }
    } catch (err) {
      if (this.databases.size) console.error('[dynamodb] TTL sweep failed:', err);
    } finally {
      this.sweeping = false;
    }
  }

  health(): Record<string, unknown> {
    return { engine: 'dynalite', databases: this.databases.size };
  }

  async reset(): Promise<void> {
    await this.closeDatabases();
    this.pendingTtlDatabases = [];
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweepTimer);
    await this.closeDatabases();
  }

  private async closeDatabases(): Promise<void> {
    const open = [...this.databases.values()];
    this.databases.clear();
    await Promise.all(open.map((db) => db.close()));
  }
}

async function maintainDatabase(db: Database, now = Date.now()): Promise<void> {
  await new RequestTokens(db.store.db).expire(now);
  for (const { StreamArn } of db.settings.allStreams()) {
    await db.exclusive(async () => {
      const stream = db.settings.stream(StreamArn);
      if (!stream) return;
      const trimmed = await trimRecords(db.store.db, stream, now);
      if (stream.DisabledAt && now - stream.DisabledAt > RETENTION_MS) {
        await dropRecords(db.store.db, stream);
        db.settings.deleteStream(stream);
      } else if (trimmed) {
        db.settings.putStream({ ...stream, TrimmedThrough: trimmed });
      }
    });
  }
}
