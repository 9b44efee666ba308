import type { BatchWriteItemCommandInput, BatchWriteItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';

export const BatchWriteItem: DynamoOperation<BatchWriteItemCommandInput, BatchWriteItemCommandOutput> = (input, { db }) =>
  db.write('BatchWriteItem', input);
