import { CreateTableCommand, type CreateTableCommandInput, DescribeTableCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { isNamed } from '../progress.js';
import { STACK } from '../stack.js';
import type { Clients } from '../target.js';

const TAGS = [{ Key: STACK.tag.key, Value: STACK.tag.value }];

export const messagesTable: CreateTableCommandInput = {
  TableName: STACK.tables.messages,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    { AttributeName: 'ConversationId', AttributeType: 'S' },
    { AttributeName: 'Timestamp', AttributeType: 'N' },
  ],
  KeySchema: [
    { AttributeName: 'ConversationId', KeyType: 'HASH' },
    { AttributeName: 'Timestamp', KeyType: 'RANGE' },
  ],
  Tags: TAGS,
};

export const conversationsTable: CreateTableCommandInput = {
  TableName: STACK.tables.conversations,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    { AttributeName: 'ConversationId', AttributeType: 'S' },
    { AttributeName: 'Username', AttributeType: 'S' },
  ],
  KeySchema: [
    { AttributeName: 'ConversationId', KeyType: 'HASH' },
    { AttributeName: 'Username', KeyType: 'RANGE' },
  ],
  GlobalSecondaryIndexes: [
    {
      IndexName: STACK.tables.conversationsByUser,
      KeySchema: [
        { AttributeName: 'Username', KeyType: 'HASH' },
        { AttributeName: 'ConversationId', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    },
  ],
  Tags: TAGS,
};

/** Creates the table unless it exists, then waits until it is ACTIVE. Returns its ARN. */
export async function ensureTable(clients: Clients, input: CreateTableCommandInput): Promise<string> {
  try {
    await clients.dynamodb.send(new CreateTableCommand(input));
  } catch (err) {
    if (!isNamed(err, 'ResourceInUseException')) throw err;
  }
  await waitUntilTableExists({ client: clients.dynamodb, maxWaitTime: 300, minDelay: 1 }, { TableName: input.TableName });
  const { Table } = await clients.dynamodb.send(new DescribeTableCommand({ TableName: input.TableName }));
  return Table!.TableArn!;
}
