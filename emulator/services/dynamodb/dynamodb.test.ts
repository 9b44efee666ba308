import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ExecuteStatementCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { startLocalCloud } from '../../index.js';

describe('DynamoDB', () => {
  let cloud: TestCloud;
  let ddb: DynamoDBClient;
  beforeAll(async () => {
    cloud = await startTestCloud({ persist: true });
    ddb = new DynamoDBClient(cloud.clientConfig);
  });
  afterAll(async () => cloud.close());

  it('creates a table with a GSI, writes and queries items', async () => {
    await ddb.send(
      new CreateTableCommand({
        TableName: 'Chat-Conversations',
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
            IndexName: 'Username-ConversationId-index',
            KeySchema: [
              { AttributeName: 'Username', KeyType: 'HASH' },
              { AttributeName: 'ConversationId', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
    const described = await ddb.send(new DescribeTableCommand({ TableName: 'Chat-Conversations' }));
    expect(described.Table?.TableStatus).toBe('ACTIVE');
    expect(described.Table?.TableArn).toBe('arn:aws:dynamodb:us-east-1:000000000000:table/Chat-Conversations');
    await ddb.send(
      new PutItemCommand({ TableName: 'Chat-Conversations', Item: { ConversationId: { S: 'c1' }, Username: { S: 'alice' } } }),
    );
    const byUser = await ddb.send(
      new QueryCommand({
        TableName: 'Chat-Conversations',
        IndexName: 'Username-ConversationId-index',
        KeyConditionExpression: 'Username = :u',
        ExpressionAttributeValues: { ':u': { S: 'alice' } },
      }),
    );
    expect(byUser.Items).toEqual([{ ConversationId: { S: 'c1' }, Username: { S: 'alice' } }]);
  });

  it('answers AWS validation errors', async () => {
    await expect(ddb.send(new GetItemCommand({ TableName: 'Nope', Key: { id: { S: 'x' } } }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('names an operation it does not implement', async () => {
    await expect(ddb.send(new ExecuteStatementCommand({ Statement: 'SELECT * FROM "Chat-Conversations"' }))).rejects.toMatchObject({
      name: 'UnknownOperationException',
      message: expect.stringContaining('ExecuteStatement'),
    });
  });

  it('keeps data across a restart on the same state directory', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'ddb-restart-'));
    const key = { ConversationId: { S: 'c1' }, Username: { S: 'bob' } };
    try {
      const first = await startLocalCloud({ port: 0, stateDir });
      const client1 = new DynamoDBClient({ ...cloud.clientConfig, endpoint: first.url });
      await client1.send(
        new CreateTableCommand({
          TableName: 'Restart',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 'ConversationId', AttributeType: 'S' },
            { AttributeName: 'Username', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'ConversationId', KeyType: 'HASH' },
            { AttributeName: 'Username', KeyType: 'RANGE' },
          ],
        }),
      );
      await client1.send(new PutItemCommand({ TableName: 'Restart', Item: key }));
      await first.close();
      const again = await startLocalCloud({ port: 0, stateDir });
      try {
        const client = new DynamoDBClient({ ...cloud.clientConfig, endpoint: again.url });
        const item = await client.send(new GetItemCommand({ TableName: 'Restart', Key: key }));
        expect(item.Item?.Username?.S).toBe('bob');
      } finally {
        await again.close();
      }
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
