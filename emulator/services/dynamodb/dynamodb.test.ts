import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ExecuteStatementCommand,
  GetItemCommand,
  ListTagsOfResourceCommand,
  PutItemCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
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

  it('reads key ranges in both directions, by page, and forgets the items of a deleted table', async () => {
    const create = () =>
      ddb.send(
        new CreateTableCommand({
          TableName: 'Ranges',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'n', AttributeType: 'N' },
            { AttributeName: 'g', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'n', KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: [
            {
              IndexName: 'by-group',
              KeySchema: [
                { AttributeName: 'g', KeyType: 'HASH' },
                { AttributeName: 'n', KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'KEYS_ONLY' },
            },
          ],
        }),
      );
    await create();
    for (let n = -5; n <= 20; n++) {
      await ddb.send(
        new PutItemCommand({ TableName: 'Ranges', Item: { pk: { S: 'p' }, n: { N: String(n) }, g: { S: n % 2 ? 'odd' : 'even' } } }),
      );
    }
    await ddb.send(new PutItemCommand({ TableName: 'Ranges', Item: { pk: { S: 'other' }, n: { N: '1' } } }));
    const numbers = (items: Record<string, any>[] | undefined) => (items ?? []).map((item) => Number(item.n.N));
    const query = (extra: Partial<QueryCommandInput>) =>
      ddb.send(
        new QueryCommand({
          TableName: 'Ranges',
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': { S: 'p' } },
          ...extra,
        } as QueryCommandInput),
      );
    const newest = await query({ ScanIndexForward: false, Limit: 3 });
    expect(numbers(newest.Items)).toEqual([20, 19, 18]);
    const next = await query({ ScanIndexForward: false, Limit: 3, ExclusiveStartKey: newest.LastEvaluatedKey });
    expect(numbers(next.Items)).toEqual([17, 16, 15]);
    const between = await query({
      KeyConditionExpression: 'pk = :p AND n BETWEEN :a AND :b',
      ExpressionAttributeValues: { ':p': { S: 'p' }, ':a': { N: '-2' }, ':b': { N: '2' } },
    });
    expect(numbers(between.Items)).toEqual([-2, -1, 0, 1, 2]);
    const above = await query({
      KeyConditionExpression: 'pk = :p AND n > :a',
      ExpressionAttributeValues: { ':p': { S: 'p' }, ':a': { N: '18' } },
    });
    expect(numbers(above.Items)).toEqual([19, 20]);
    const odd = await ddb.send(
      new QueryCommand({
        TableName: 'Ranges',
        IndexName: 'by-group',
        KeyConditionExpression: 'g = :g AND n <= :n',
        ExpressionAttributeValues: { ':g': { S: 'odd' }, ':n': { N: '3' } },
      }),
    );
    expect(numbers(odd.Items)).toEqual([-5, -3, -1, 1, 3]);

    await ddb.send(new DeleteTableCommand({ TableName: 'Ranges' }));
    await create();
    expect((await ddb.send(new ScanCommand({ TableName: 'Ranges' }))).Items).toEqual([]);
    expect((await query({})).Items).toEqual([]);
  });

  it('keeps the tags given to CreateTable, and refuses bad ones before creating anything', async () => {
    const table = (TableName: string) => ({
      TableName,
      BillingMode: 'PAY_PER_REQUEST' as const,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' as const }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' as const }],
    });
    const { TableDescription } = await ddb.send(
      new CreateTableCommand({ ...table('tagged'), Tags: [{ Key: 'app', Value: 'serverless-chat' }] }),
    );
    const { Tags } = await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: TableDescription!.TableArn }));
    expect(Tags).toEqual([{ Key: 'app', Value: 'serverless-chat' }]);

    const refused = ddb.send(new CreateTableCommand({ ...table('badly-tagged'), Tags: [{ Key: '', Value: 'x' }] }));
    await expect(refused).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(ddb.send(new DescribeTableCommand({ TableName: 'badly-tagged' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
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
        const scanned = await client.send(new ScanCommand({ TableName: 'Restart' }));
        expect(scanned.Items).toEqual([key]);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
