import type { TransactWriteItemsCommandInput, TransactWriteItemsCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';
import { transactWriteItems } from '../transactions/transact-write.js';

export const TransactWriteItems: DynamoOperation<TransactWriteItemsCommandInput, TransactWriteItemsCommandOutput> = (input, { db }) =>
  transactWriteItems(db, input);
