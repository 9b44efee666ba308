import type { GetShardIteratorCommandInput, GetShardIteratorCommandOutput } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoOperation } from '../../context.js';
import { getShardIterator } from '../stream-api.js';

/** Under the write lock, so LATEST is exactly "after the last committed record". */
export const GetShardIterator: DynamoOperation<GetShardIteratorCommandInput, GetShardIteratorCommandOutput> = (input, { db }) =>
  db.exclusive(async () => getShardIterator(db, input));
