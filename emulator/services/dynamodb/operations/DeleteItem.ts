import type { DeleteItemCommandInput, DeleteItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';

export const DeleteItem: DynamoOperation<DeleteItemCommandInput, DeleteItemCommandOutput> = (input, { db }) =>
  db.write('DeleteItem', input);
