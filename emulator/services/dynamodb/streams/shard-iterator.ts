import { ExpiredIteratorException, StreamsValidationException } from '../errors.js';

/** A position in a shard: read records after (or, with `inclusive`, from) a sequence number; from the start when absent. */
export interface ShardPosition {
  streamArn: string;
  shardId: string;
  from?: string;
  inclusive: boolean;
  /** Epoch ms when the iterator was handed out; iterators expire after 15 minutes. */
  issuedAt: number;
}

export const ITERATOR_LIFETIME_MS = 15 * 60 * 1000;

/** Iterators are opaque to callers: the stream ARN, then the position as base64url JSON (as AWS's start with the ARN). */
export function encodeIterator(position: ShardPosition): string {
  const { streamArn, ...rest } = position;
  return `${streamArn}|1|${Buffer.from(JSON.stringify(rest)).toString('base64url')}`;
}

export function decodeIterator(iterator: string, now = Date.now()): ShardPosition {
  const [streamArn, version, payload] = iterator.split('|');
  let position: ShardPosition;
  try {
    if (version !== '1' || !payload) throw new Error('malformed');
    position = { streamArn: streamArn!, ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) };
    if (typeof position.shardId !== 'string' || typeof position.issuedAt !== 'number') throw new Error('malformed');
  } catch {
    throw new StreamsValidationException('Invalid ShardIterator');
  }
  if (now - position.issuedAt > ITERATOR_LIFETIME_MS) {
    throw new ExpiredIteratorException(
      `Iterator expired. The iterator was created at time ${new Date(position.issuedAt).toUTCString()} while right now it is ${new Date(now).toUTCString()} which is further in the future than the tolerated delay of ${ITERATOR_LIFETIME_MS} milliseconds.`,
    );
  }
  return position;
}
