/**
 * Chat-Messages-Stream: fed by an event source mapping on the Chat-Messages stream. For each
 * conversation that received messages, stores the newest message time as `LastMessageAt` (epoch
 * ms) on every participant's Chat-Conversations item, so listing conversations needs one query of
 * the Username index and no query per conversation. Only ever moves `LastMessageAt` forward, so
 * a batch retried or delivered late changes nothing.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { participantsOf } from './lib/chat-data.js';
import { ddb } from './lib/clients.js';
import { env } from './lib/config.js';

/** The part of a DynamoDB stream event this handler reads. */
export interface MessagesStreamEvent {
  Records: Array<{
    eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
    dynamodb?: { Keys?: Record<string, { S?: string; N?: string }>; NewImage?: Record<string, { S?: string; N?: string }> };
  }>;
}

/** The newest message time of each conversation in a batch (new messages only). */
export function newestPerConversation(event: MessagesStreamEvent): Map<string, number> {
  const newest = new Map<string, number>();
  for (const record of event.Records ?? []) {
    if (record.eventName !== 'INSERT') continue;
    const keys = record.dynamodb?.NewImage ?? record.dynamodb?.Keys;
    const id = keys?.ConversationId?.S;
    const time = Number(keys?.Timestamp?.N);
    if (!id || !Number.isFinite(time)) continue;
    newest.set(id, Math.max(newest.get(id) ?? time, time));
  }
  return newest;
}

async function moveLastMessageAt(conversationId: string, username: string, time: number): Promise<void> {
  try {
    await ddb().send(
      new UpdateCommand({
        TableName: env.conversationsTable(),
        Key: { ConversationId: conversationId, Username: username },
        UpdateExpression: 'SET LastMessageAt = :t',
        ConditionExpression: 'attribute_exists(ConversationId) AND (attribute_not_exists(LastMessageAt) OR LastMessageAt < :t)',
        ExpressionAttributeValues: { ':t': time },
      }),
    );
  } catch (err) {
    // Already as new (or newer), or the participant left: nothing to do.
    if (!(err instanceof ConditionalCheckFailedException) && (err as Error).name !== 'ConditionalCheckFailedException') throw err;
  }
}

/** A failure throws, so Lambda retries the whole batch (the updates are idempotent). */
export const handler = async (event: MessagesStreamEvent): Promise<void> => {
  for (const [conversationId, time] of newestPerConversation(event)) {
    const participants = await participantsOf(conversationId);
    await Promise.all(participants.map((username) => moveLastMessageAt(conversationId, username, time)));
  }
};
