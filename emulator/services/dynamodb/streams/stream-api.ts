import type { Database } from '../database.js';
import { ResourceNotFoundException, StreamsValidationException, streamNotFound, TrimmedDataAccessException } from '../errors.js';
import type { StreamDescriptor } from '../table-settings.js';
import { decodeIterator, encodeIterator } from './shard-iterator.js';
import { readRecords } from './stream-log.js';
import type { StreamRecordData } from './stream-records.js';

/** The DynamoDB Streams API over the streams of one database. */

const ITERATOR_TYPES = ['TRIM_HORIZON', 'LATEST', 'AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER'];

function requireString(value: unknown, member: string): string {
  if (typeof value !== 'string' || !value) {
    throw new StreamsValidationException(
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

function checkLimit(value: unknown, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || value < 1 || value > max) {
    throw new StreamsValidationException(
      `1 validation error detected: Value '${String(value)}' at 'limit' failed to satisfy constraint: Member must have value ${typeof value === 'number' && value > max ? `less than or equal to ${max}` : 'greater than or equal to 1'}`,
    );
  }
  return value;
}

function findStream(db: Database, arn: unknown): StreamDescriptor {
  const streamArn = requireString(arn, 'streamArn');
  const stream = db.settings.stream(streamArn);
  if (!stream) throw streamNotFound(streamArn);
  return stream;
}

export function listStreams(db: Database, input: Record<string, any>) {
  const limit = checkLimit(input.Limit, 100) ?? 100;
  let streams = db.settings.allStreams().filter((s) => !input.TableName || s.TableName === input.TableName);
  if (input.ExclusiveStartStreamArn) streams = streams.filter((s) => s.StreamArn > input.ExclusiveStartStreamArn);
  const page = streams.slice(0, limit);
  return {
    Streams: page.map((s) => ({ StreamArn: s.StreamArn, TableName: s.TableName, StreamLabel: s.StreamLabel })),
    ...(streams.length > limit ? { LastEvaluatedStreamArn: page.at(-1)!.StreamArn } : {}),
  };
}

export function describeStream(db: Database, input: Record<string, any>) {
  checkLimit(input.Limit, 100);
  const stream = findStream(db, input.StreamArn);
  const shards =
    input.ExclusiveStartShardId === stream.ShardId
      ? []
      : [
          {
            ShardId: stream.ShardId,
            SequenceNumberRange: {
              StartingSequenceNumber: stream.StartingSequenceNumber,
              ...(stream.EndingSequenceNumber ? { EndingSequenceNumber: stream.EndingSequenceNumber } : {}),
            },
          },
        ];
  return {
    StreamDescription: {
      StreamArn: stream.StreamArn,
      StreamLabel: stream.StreamLabel,
      StreamStatus: stream.StreamStatus,
      StreamViewType: stream.StreamViewType,
      CreationRequestDateTime: stream.CreationRequestDateTime / 1000,
      TableName: stream.TableName,
      KeySchema: stream.KeySchema,
      Shards: shards,
    },
  };
}

function checkSequenceNumber(value: unknown): string {
  const sequence = requireString(value, 'sequenceNumber');
  if (!/^\d{21,40}$/.test(sequence)) {
    throw new StreamsValidationException(
      `1 validation error detected: Value '${sequence}' at 'sequenceNumber' failed to satisfy constraint: Member must have length greater than or equal to 21`,
    );
  }
  return sequence;
}

export function getShardIterator(db: Database, input: Record<string, any>, now = Date.now()) {
  const type = input.ShardIteratorType;
  if (!ITERATOR_TYPES.includes(type)) {
    if (type === undefined || type === null) requireString(type, 'shardIteratorType');
    throw new StreamsValidationException(
      `1 validation error detected: Value '${String(type)}' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]`,
    );
  }
  const stream = findStream(db, input.StreamArn);
  const shardId = requireString(input.ShardId, 'shardId');
  if (shardId !== stream.ShardId) {
    throw new ResourceNotFoundException(`Requested resource not found: Shard: ${shardId} in Stream: ${stream.StreamArn} not found`);
  }
  const base = { streamArn: stream.StreamArn, shardId, issuedAt: now };
  if (type === 'TRIM_HORIZON') return { ShardIterator: encodeIterator({ ...base, inclusive: true }) };
  if (type === 'LATEST') {
    return { ShardIterator: encodeIterator({ ...base, from: stream.EndingSequenceNumber ?? db.lastSequenceNumber, inclusive: false }) };
  }
  const sequence = checkSequenceNumber(input.SequenceNumber);
  if (stream.TrimmedThrough && sequence <= stream.TrimmedThrough) {
    throw new TrimmedDataAccessException('The operation attempted to read past the oldest stream record in a shard.');
  }
  return { ShardIterator: encodeIterator({ ...base, from: sequence, inclusive: type === 'AT_SEQUENCE_NUMBER' }) };
}

export async function getRecords(db: Database, input: Record<string, any>, now = Date.now()) {
  const position = decodeIterator(requireString(input.ShardIterator, 'shardIterator'), now);
  const limit = checkLimit(input.Limit, 1000) ?? 1000;
  const stream = findStream(db, position.streamArn);
  if (position.shardId !== stream.ShardId) {
    throw new ResourceNotFoundException(
      `Requested resource not found: Shard: ${position.shardId} in Stream: ${stream.StreamArn} not found`,
    );
  }
  if (stream.TrimmedThrough && position.from !== undefined && position.from < stream.TrimmedThrough) {
    throw new TrimmedDataAccessException('The operation attempted to read past the oldest stream record in a shard.');
  }
  const records: StreamRecordData[] = await readRecords(db.store.db, stream, position.from, position.inclusive, limit);
  const last = records.at(-1)?.dynamodb.SequenceNumber;
  const exhausted = stream.StreamStatus === 'DISABLED' && records.length < limit;
  return {
    Records: records,
    ...(exhausted
      ? {}
      : {
          NextShardIterator: encodeIterator(
            last ? { ...position, from: last, inclusive: false, issuedAt: now } : { ...position, issuedAt: now },
          ),
        }),
  };
}
