import type { BatchOperation, LevelDb } from '../dynalite.js';
import type { StreamDescriptor } from '../table-settings.js';
import type { StreamRecordData } from './stream-records.js';

/**
 * Stream records live in the table's own LevelDB, written in the same batch as the items they
 * describe: a record exists exactly when its change does, even across a `kill -9`. Keys sort by
 * sequence number, which is global to the database and fixed-width.
 */
const RECORD_PREFIX = 'ddb-stream~';
const SEQUENCE_KEY = 'ddb-meta~sequence';

/** Records are kept for 24 hours, as on AWS. */
export const RETENTION_MS = 24 * 60 * 60 * 1000;

export function sequenceNumber(counter: number): string {
  return `1${String(counter).padStart(20, '0')}`;
}

const streamPrefix = (stream: Pick<StreamDescriptor, 'TableName' | 'StreamLabel'>) =>
  `${RECORD_PREFIX}${stream.TableName}@${stream.StreamLabel}~`;

interface StoredRecord {
  record: StreamRecordData;
  /** Epoch ms of the change, for trimming. */
  at: number;
}

export async function readSequenceCounter(db: LevelDb): Promise<number> {
  const value = await db.get(SEQUENCE_KEY).catch((err: Error) => {
    if (err.name === 'NotFoundError') return undefined;
    throw err;
  });
  return typeof value === 'number' ? value : 0;
}

export function appendOperations(stream: StreamDescriptor, records: StreamRecordData[], at: number): BatchOperation[] {
  return records.map((record) => ({
    type: 'put',
    key: streamPrefix(stream) + record.dynamodb.SequenceNumber,
    value: { record, at } satisfies StoredRecord,
  }));
}

export function sequenceOperation(counter: number): BatchOperation {
  return { type: 'put', key: SEQUENCE_KEY, value: counter };
}

/** Up to `limit` records of a stream, in order, after (or from, with `inclusive`) a sequence number. */
export async function readRecords(
  db: LevelDb,
  stream: StreamDescriptor,
  from: string | undefined,
  inclusive: boolean,
  limit: number,
): Promise<StreamRecordData[]> {
  const prefix = streamPrefix(stream);
  const range: Record<string, unknown> = { lt: `${prefix}\xff`, limit };
  if (from === undefined) range.gte = prefix;
  else range[inclusive ? 'gte' : 'gt'] = prefix + from;
  const stored = (await db.values(range).all()) as StoredRecord[];
  return stored.map((s) => s.record);
}

/** Deletes the records older than the retention period; returns the last sequence number trimmed. */
export async function trimRecords(db: LevelDb, stream: StreamDescriptor, now: number): Promise<string | undefined> {
  const prefix = streamPrefix(stream);
  const ops: BatchOperation[] = [];
  let last: string | undefined;
  for await (const [key, value] of db.iterator({ gte: prefix, lt: `${prefix}\xff` })) {
    if ((value as StoredRecord).at > now - RETENTION_MS) break;
    ops.push({ type: 'del', key });
    last = key.slice(prefix.length);
  }
  if (ops.length) await db.batch(ops);
  return last;
}

/** Removes every record of a stream (its retention is over). */
export async function dropRecords(db: LevelDb, stream: StreamDescriptor): Promise<void> {
  const prefix = streamPrefix(stream);
  const keys = await db.keys({ gte: prefix, lt: `${prefix}\xff` }).all();
  if (keys.length) await db.batch(keys.map((key) => ({ type: 'del' as const, key })));
}
