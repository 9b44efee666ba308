import type { ListTablesCommandInput, ListTablesCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';

export const ListTables: DynamoOperation<ListTablesCommandInput, ListTablesCommandOutput> = (input, { db }) =>
  db.direct('ListTables', input);
