import { AdminGetUserCommand, ListUsersCommand, UserNotFoundException } from '@aws-sdk/client-cognito-identity-provider';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type BatchWriteCommandOutput, PutCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { cognito, ddb } from './clients.js';
import { env } from './config.js';

export interface Message {
  sender: string;
  time: number;
  message: string;
}

async function queryAll(input: QueryCommandInput): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let ExclusiveStartKey: Record<string, any> | undefined;
  do {
    const page = await ddb().send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

export async function participantsOf(conversationId: string): Promise<string[]> {
  const items = await queryAll({
    TableName: env.conversationsTable(),
    KeyConditionExpression: 'ConversationId = :id',
    ExpressionAttributeValues: { ':id': conversationId },
  });
  return items.map((item) => item.Username as string);
}

export async function conversationIdsOf(username: string): Promise<string[]> {
  const items = await queryAll({
    TableName: env.conversationsTable(),
    IndexName: env.conversationsByUserIndex(),
    KeyConditionExpression: 'Username = :u',
    ExpressionAttributeValues: { ':u': username },
  });
  return items.map((item) => item.ConversationId as string);
}

export async function lastMessageTime(conversationId: string): Promise<number | undefined> {
  const page = await ddb().send(
    new QueryCommand({
      TableName: env.messagesTable(),
      KeyConditionExpression: 'ConversationId = :id',
      ExpressionAttributeValues: { ':id': conversationId },
      ProjectionExpression: '#t',
      ExpressionAttributeNames: { '#t': 'Timestamp' },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  const newest = page.Items?.[0];
  return newest ? Number(newest.Timestamp) : undefined;
}

/** Messages oldest first; with `since`, only those strictly newer. */
export async function messagesOf(conversationId: string, since?: number): Promise<Message[]> {
  const items = await queryAll({
    TableName: env.messagesTable(),
    KeyConditionExpression: since === undefined ? 'ConversationId = :id' : 'ConversationId = :id AND #t > :since',
    ExpressionAttributeValues: since === undefined ? { ':id': conversationId } : { ':id': conversationId, ':since': since },
    ExpressionAttributeNames: since === undefined ? undefined : { '#t': 'Timestamp' },
  });
  return items.map((item) => ({ sender: item.Sender, time: Number(item.Timestamp), message: item.Message }));
}

/**
 * Stores a message at the current millisecond. Two messages of one conversation in the same
 * millisecond would share a key: the put is conditional, and a collision moves to the next free
 * millisecond instead of overwriting.
 */
export async function putMessage(conversationId: string, sender: string, message: string): Promise<number> {
  let time = Date.now();
  for (let attempt = 0; attempt < 50; attempt++, time++) {
    try {
      await ddb().send(
        new PutCommand({
          TableName: env.messagesTable(),
          Item: { ConversationId: conversationId, Timestamp: time, Message: message, Sender: sender },
          ConditionExpression: 'attribute_not_exists(ConversationId)',
        }),
      );
      return time;
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException) && (err as Error).name !== 'ConditionalCheckFailedException') throw err;
    }
  }
  throw new Error('Could not find a free timestamp for the message');
}

/** Writes one Chat-Conversations item per participant, retrying what DynamoDB leaves unprocessed. */
export async function createConversation(conversationId: string, participants: string[]): Promise<void> {
  for (let i = 0; i < participants.length; i += 25) {
    let requests: any[] | undefined = participants
      .slice(i, i + 25)
      .map((Username) => ({ PutRequest: { Item: { ConversationId: conversationId, Username } } }));
    for (let attempt = 0; requests?.length; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept items unprocessed');
      if (attempt) await new Promise((r) => setTimeout(r, 2 ** attempt * 10));
      const result: BatchWriteCommandOutput = await ddb().send(
        new BatchWriteCommand({ RequestItems: { [env.conversationsTable()]: requests } }),
      );
      requests = result.UnprocessedItems?.[env.conversationsTable()];
    }
  }
}

export async function userExists(username: string): Promise<boolean> {
  try {
    await cognito().send(new AdminGetUserCommand({ UserPoolId: env.userPoolId(), Username: username }));
    return true;
  } catch (err) {
    if (err instanceof UserNotFoundException || (err as Error).name === 'UserNotFoundException') return false;
    throw err;
  }
}

export async function allUsernames(): Promise<string[]> {
  const names: string[] = [];
  let PaginationToken: string | undefined;
  do {
    const page = await cognito().send(new ListUsersCommand({ UserPoolId: env.userPoolId(), PaginationToken }));
    for (const user of page.Users ?? []) if (user.Username) names.push(user.Username);
    PaginationToken = page.PaginationToken;
  } while (PaginationToken);
  return names;
}
