import type { BatchGetItemCommandInput, BatchGetItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';

export const BatchGetItem: DynamoOperation<BatchGetItemCommandInput, BatchGetItemCommandOutput> = (input, { db }) =>
  db.direct('BatchGetItem', input);
