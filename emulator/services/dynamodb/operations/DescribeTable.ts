import type { DescribeTableCommandInput, DescribeTableCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';
import { streamMembers } from '../streams/table-streams.js';

export const DescribeTable: DynamoOperation<DescribeTableCommandInput, DescribeTableCommandOutput> = async (input, { db }) => {
  const { Table } = await db.direct('DescribeTable', input);
  return { Table: { ...Table, ...streamMembers(db.settings.table(Table.TableName)) } };
};
