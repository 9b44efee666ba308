import type { TransactGetItemsCommandInput, TransactGetItemsCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';
import { transactGetItems } from '../transactions/transact-get.js';

export const TransactGetItems: DynamoOperation<TransactGetItemsCommandInput, TransactGetItemsCommandOutput> = (input, { db }) =>
  transactGetItems(db, input);
