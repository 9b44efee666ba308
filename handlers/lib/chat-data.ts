import { AdminGetUserCommand, ListUsersCommand, UserNotFoundException } from '@aws-sdk/client-cognito-identity-provider';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, type QueryCommandInput, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
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

export interface ConversationSummary {
  id: string;
  participants: string[];
  /** Epoch ms of the newest message, kept up to date by Chat-Messages-Stream; absent until the first one. */
  last?: number;
}

/**
 * The user's conversations from one query of the Username index (which projects every attribute).
 * Items written before they carried `Participants` cost one query each for their participants.
 */
export async function conversationsOf(username: string): Promise<ConversationSummary[]> {
  const items = await queryAll({
    TableName: env.conversationsTable(),
    IndexName: env.conversationsByUserIndex(),
    KeyConditionExpression: 'Username = :u',
    ExpressionAttributeValues: { ':u': username },
  });
  return Promise.all(
    items.map(async (item) => {
      const id = item.ConversationId as string;
      const participants = Array.isArray(item.Participants) ? (item.Participants as string[]) : await participantsOf(id);
      return item.LastMessageAt === undefined ? { id, participants } : { id, participants, last: Number(item.LastMessageAt) };
    }),
  );
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

/** DynamoDB takes at most 100 actions in one transaction: the most participants a conversation can be created with. */
const TRANSACTION_LIMIT = 100;

/**
 * Writes one Chat-Conversations item per participant in one transaction: every participant sees
 * the conversation, or none does. Each item carries the whole participant list, so listing a
 * user's conversations needs no query per conversation.
 */
export async function createConversation(conversationId: string, participants: string[]): Promise<void> {
  if (participants.length > TRANSACTION_LIMIT) throw new Error(`One transaction writes at most ${TRANSACTION_LIMIT} participants`);
  await ddb().send(
    new TransactWriteCommand({
      TransactItems: participants.map((Username) => ({
        Put: {
          TableName: env.conversationsTable(),
          Item: { ConversationId: conversationId, Username, Participants: participants },
          ConditionExpression: 'attribute_not_exists(ConversationId)',
        },
      })),
      ClientRequestToken: conversationId,
    }),
  );
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
