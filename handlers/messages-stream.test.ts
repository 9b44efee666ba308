import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateEventSourceMappingCommand, CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleHandler } from '../provision/bundle.js';
import { conversationsTable, messagesTable } from '../provision/steps/tables.js';
import { startTestCloud, type TestCloud } from '../test/local-cloud.js';
import { newestPerConversation } from './messages-stream.js';

describe('Chat-Messages-Stream', () => {
  it('takes the newest new message of each conversation in a batch', () => {
    const insert = (id: string, time: number) => ({
      eventName: 'INSERT' as const,
      dynamodb: { NewImage: { ConversationId: { S: id }, Timestamp: { N: String(time) }, Message: { S: 'hi' } } },
    });
    const newest = newestPerConversation({
      Records: [
        insert('c1', 20),
        insert('c2', 5),
        insert('c1', 10),
        { eventName: 'REMOVE', dynamodb: { Keys: { ConversationId: { S: 'c3' } } } },
      ],
    });
    expect([...newest]).toEqual([
      ['c1', 20],
      ['c2', 5],
    ]);
  });

  describe('behind an event source mapping on the local cloud', () => {
    let cloud: TestCloud;
    let ddb: DynamoDBClient;

    beforeAll(async () => {
      cloud = await startTestCloud();
      ddb = new DynamoDBClient(cloud.clientConfig);
      const { TableDescription } = await ddb.send(
        new CreateTableCommand({ ...messagesTable, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } }),
      );
      await ddb.send(new CreateTableCommand(conversationsTable));
      const lambda = new LambdaClient(cloud.clientConfig);
      await lambda.send(
        new CreateFunctionCommand({
          FunctionName: 'Chat-Messages-Stream',
          Runtime: 'nodejs20.x',
          Role: 'arn:aws:iam::000000000000:role/Lambda-Role-ChatApp',
          Handler: 'index.handler',
          Code: { ZipFile: await bundleHandler('messages-stream.ts') },
          Environment: {
            Variables: {
              AWS_ENDPOINT_URL: cloud.url,
              MESSAGES_TABLE: messagesTable.TableName!,
              CONVERSATIONS_TABLE: conversationsTable.TableName!,
            },
          },
        }),
      );
      await lambda.send(
        new CreateEventSourceMappingCommand({
          FunctionName: 'Chat-Messages-Stream',
          EventSourceArn: TableDescription!.LatestStreamArn,
          StartingPosition: 'LATEST',
          BatchSize: 100,
        }),
      );
    });
    afterAll(async () => cloud?.close());

    it('keeps LastMessageAt of every participant up to date', async () => {
      const conversation = (Username: string) => ({ ConversationId: { S: 'conv-1' }, Username: { S: Username } });
      for (const user of ['alice', 'bob'])
        await ddb.send(new PutItemCommand({ TableName: conversationsTable.TableName, Item: conversation(user) }));
      const message = (time: number) => ({
        ConversationId: { S: 'conv-1' },
        Timestamp: { N: String(time) },
        Message: { S: `at ${time}` },
        Sender: { S: 'alice' },
      });
      await ddb.send(new PutItemCommand({ TableName: messagesTable.TableName, Item: message(1_700_000_000_000) }));
      await ddb.send(new PutItemCommand({ TableName: messagesTable.TableName, Item: message(1_700_000_005_000) }));

      const lastMessageAt = async (user: string) =>
        (await ddb.send(new GetItemCommand({ TableName: conversationsTable.TableName, Key: conversation(user) }))).Item?.LastMessageAt?.N;
      for (let i = 0; i < 300 && (await lastMessageAt('bob')) !== '1700000005000'; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await lastMessageAt('alice')).toBe('1700000005000');
      expect(await lastMessageAt('bob')).toBe('1700000005000');
    });
  });
});
