import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type TableDescription,
  UpdateTableCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
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
  StreamSpecification: { StreamEnabled: true, StreamViewType: STACK.tables.messagesStreamView },
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

export interface TableArns {
  tableArn: string;
  /** Present when the table has a stream. */
  streamArn?: string;
}

/**
 * Creates the table unless it exists, then waits until it is ACTIVE. A stream the spec asks for
 * is turned on for a table created without one (or with another view, which takes a new stream).
 */
export async function ensureTable(clients: Clients, input: CreateTableCommandInput): Promise<TableArns> {
  try {
    await clients.dynamodb.send(new CreateTableCommand(input));
  } catch (err) {
    if (!isNamed(err, 'ResourceInUseException')) throw err;
  }
  let table = await activeTable(clients, input.TableName!);
  const wanted = input.StreamSpecification;
  const current = table.StreamSpecification;
  if (wanted?.StreamEnabled && (!current?.StreamEnabled || current.StreamViewType !== wanted.StreamViewType)) {
    if (current?.StreamEnabled) {
      await clients.dynamodb.send(new UpdateTableCommand({ TableName: input.TableName, StreamSpecification: { StreamEnabled: false } }));
      table = await activeTable(clients, input.TableName!);
    }
    await clients.dynamodb.send(new UpdateTableCommand({ TableName: input.TableName, StreamSpecification: wanted }));
    table = await activeTable(clients, input.TableName!);
  }
  return { tableArn: table.TableArn!, streamArn: table.StreamSpecification?.StreamEnabled ? table.LatestStreamArn : undefined };
}

async function activeTable(clients: Clients, name: string): Promise<TableDescription> {
  await waitUntilTableExists({ client: clients.dynamodb, maxWaitTime: 300, minDelay: 1 }, { TableName: name });
  const { Table } = await clients.dynamodb.send(new DescribeTableCommand({ TableName: name }));
  return Table!;
}
