import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationsTable, ensureTable, messagesTable } from '../provision/steps/tables.js';
import type { Clients } from '../provision/target.js';
import { startTestCloud, type TestCloud } from '../test/local-cloud.js';

/** A Lambda proxy event (format 1.0) as API Gateway sends it after the Cognito authorizer. */
function proxyEvent(caller: string | undefined, method: string, body?: unknown, id?: string, query?: Record<string, string>) {
  return {
    httpMethod: method,
    body: body === undefined ? null : typeof body === 'string' && body.startsWith('RAW:') ? body.slice(4) : JSON.stringify(body),
    isBase64Encoded: false,
    pathParameters: id ? { id } : null,
    queryStringParameters: query ?? null,
    requestContext: { authorizer: caller ? { claims: { 'cognito:username': caller } } : null },
  };
}

describe('chat handlers against the local cloud', () => {
  let cloud: TestCloud;
  let handlers: Record<string, (event: unknown) => Promise<any>>;

  beforeAll(async () => {
    cloud = await startTestCloud();
    process.env.AWS_ENDPOINT_URL = cloud.url;
    process.env.AWS_REGION = 'us-east-1';
    process.env.AWS_ACCESS_KEY_ID = 'test';
    process.env.AWS_SECRET_ACCESS_KEY = 'test';
    const dynamodb = new DynamoDBClient(cloud.clientConfig);
    await ensureTable({ dynamodb } as Clients, messagesTable);
    await ensureTable({ dynamodb } as Clients, conversationsTable);
    const cognito = new CognitoIdentityProviderClient(cloud.clientConfig);
    const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: 'ChatPool', AutoVerifiedAttributes: ['email'] }));
    const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: UserPool!.Id!, ClientName: 'chatapp' }));
    for (const name of ['alice', 'bob', 'carol']) {
      await cognito.send(
        new SignUpCommand({
          ClientId: UserPoolClient!.ClientId!,
          Username: name,
          Password: 'Passw0rd!',
          UserAttributes: [{ Name: 'email', Value: `${name}@example.com` }],
        }),
      );
      await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: UserPool!.Id!, Username: name }));
    }
    process.env.USER_POOL_ID = UserPool!.Id!;
    handlers = {
      conversationsGet: (await import('./conversations-get.js')).handler,
      conversationsPost: (await import('./conversations-post.js')).handler,
      messagesGet: (await import('./messages-get.js')).handler,
      messagesPost: (await import('./messages-post.js')).handler,
      usersGet: (await import('./users-get.js')).handler,
    };
  });
  afterAll(async () => cloud?.close());

  const json = (response: { body: string }) => JSON.parse(response.body);

  it('lists the other users, without the caller', async () => {
    const response = await handlers.usersGet!(proxyEvent('alice', 'GET'));
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual(['bob', 'carol']);
    expect(response.headers['Access-Control-Allow-Origin']).toBe('*');
  });

  it('runs a conversation: create, post, read, list', async () => {
    const created = await handlers.conversationsPost!(proxyEvent('alice', 'POST', ['bob', 'bob', 'alice']));
    expect(created.statusCode).toBe(200);
    const id = json(created) as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const posted = await handlers.messagesPost!(proxyEvent('bob', 'POST', 'hello <b>alice</b> "quoted"', id));
    expect(posted.statusCode).toBe(204);
    expect(posted.body).toBe('');
    await handlers.messagesPost!(proxyEvent('alice', 'POST', 'hi bob', id));

    const read = json(await handlers.messagesGet!(proxyEvent('alice', 'GET', undefined, id)));
    expect(read.participants.sort()).toEqual(['alice', 'bob']);
    expect(read.messages.map((m: any) => [m.sender, m.message])).toEqual([
      ['bob', 'hello <b>alice</b> "quoted"'],
      ['alice', 'hi bob'],
    ]);
    expect(read.last).toBe(read.messages[1].time);

    const newer = json(await handlers.messagesGet!(proxyEvent('alice', 'GET', undefined, id, { since: String(read.messages[0].time) })));
    expect(newer.messages.map((m: any) => m.message)).toEqual(['hi bob']);

    // `last` comes from LastMessageAt, which Chat-Messages-Stream sets (no stream consumer runs here).
    const list = json(await handlers.conversationsGet!(proxyEvent('bob', 'GET')));
    expect(list).toEqual([{ id, participants: expect.arrayContaining(['alice', 'bob']) }]);
  });

  it('keeps two messages posted in the same millisecond', async () => {
    const id = json(await handlers.conversationsPost!(proxyEvent('alice', 'POST', ['carol'])));
    await Promise.all(Array.from({ length: 20 }, (_, i) => handlers.messagesPost!(proxyEvent('alice', 'POST', `m${i}`, id))));
    const read = json(await handlers.messagesGet!(proxyEvent('carol', 'GET', undefined, id)));
    expect(read.messages.map((m: any) => m.message).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`).sort());
  });

  it('refuses a caller who is not a participant with 403, on read and on post', async () => {
    const id = json(await handlers.conversationsPost!(proxyEvent('alice', 'POST', ['bob'])));
    const read = await handlers.messagesGet!(proxyEvent('carol', 'GET', undefined, id));
    expect(read.statusCode).toBe(403);
    const post = await handlers.messagesPost!(proxyEvent('carol', 'POST', 'let me in', id));
    expect(post.statusCode).toBe(403);
    const after = json(await handlers.messagesGet!(proxyEvent('alice', 'GET', undefined, id)));
    expect(after.messages).toEqual([]);
    expect((await handlers.messagesGet!(proxyEvent('carol', 'GET', undefined, 'no-such-conversation'))).statusCode).toBe(403);
  });

  it('answers bad input with 400 and a message, writing nothing', async () => {
    const before = json(await handlers.conversationsGet!(proxyEvent('carol', 'GET')));
    for (const body of ['RAW:{not json', {}, [], [42], ['nobody-like-this'], 'bob']) {
      const response = await handlers.conversationsPost!(proxyEvent('carol', 'POST', body));
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(json(response).message).toEqual(expect.any(String));
    }
    expect(json(await handlers.conversationsGet!(proxyEvent('carol', 'GET')))).toEqual(before);
    const id = json(await handlers.conversationsPost!(proxyEvent('carol', 'POST', ['bob'])));
    for (const body of ['RAW:"unterminated', { text: 'x' }, 42, '   ', undefined, 'caf\uFFFD']) {
      const response = await handlers.messagesPost!(proxyEvent('carol', 'POST', body, id));
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await handlers.messagesGet!(proxyEvent('carol', 'GET', undefined, '../../etc/passwd'))).statusCode).toBe(400);
    expect((await handlers.messagesGet!(proxyEvent('carol', 'GET', undefined, id, { since: 'yesterday' }))).statusCode).toBe(400);
    expect(json(await handlers.messagesGet!(proxyEvent('carol', 'GET', undefined, id))).messages).toEqual([]);
  });

  it('creates a conversation in one transaction: all participants or none, a retry changes nothing', async () => {
    const { createConversation } = await import('./lib/chat-data.js');
    const dynamodb = new DynamoDBClient(cloud.clientConfig);
    const itemsOf = async (id: string) =>
      (
        await dynamodb.send(
          new QueryCommand({
            TableName: conversationsTable.TableName,
            KeyConditionExpression: 'ConversationId = :id',
            ExpressionAttributeValues: { ':id': { S: id } },
          }),
        )
      ).Items?.map((item) => item.Username?.S);

    await createConversation('conv-retried', ['alice', 'bob']);
    await createConversation('conv-retried', ['alice', 'bob']);
    expect(await itemsOf('conv-retried')).toEqual(['alice', 'bob']);

    await dynamodb.send(
      new PutItemCommand({
        TableName: conversationsTable.TableName,
        Item: { ConversationId: { S: 'conv-taken' }, Username: { S: 'carol' } },
      }),
    );
    const refused = await createConversation('conv-taken', ['alice', 'carol']).catch((err: Error) => err);
    expect(refused).toMatchObject({ name: 'TransactionCanceledException' });
    expect((refused as any).CancellationReasons.map((r: { Code: string }) => r.Code)).toEqual(['None', 'ConditionalCheckFailed']);
    expect(await itemsOf('conv-taken')).toEqual(['carol']);
  });

  it('refuses an event without an authorizer identity', async () => {
    expect((await handlers.usersGet!(proxyEvent(undefined, 'GET'))).statusCode).toBe(401);
  });

  it('serves mapping-mode events: the result itself, errors thrown with their status', async () => {
    const id = await handlers.conversationsPost!({ cognitoUsername: 'bob', users: ['carol'] });
    expect(typeof id).toBe('string');
    expect(await handlers.messagesPost!({ cognitoUsername: 'carol', id, message: 'mapped' })).toBeUndefined();
    const conversation = await handlers.messagesGet!({ cognitoUsername: 'bob', id });
    expect(conversation.messages.map((m: any) => m.message)).toEqual(['mapped']);
    await expect(handlers.messagesGet!({ cognitoUsername: 'alice', id })).rejects.toThrow(/^\[403\] /);
    await expect(handlers.messagesPost!({ cognitoUsername: 'bob', id, message: 7 })).rejects.toThrow(/^\[400\] /);
  });
});
