import { HttpError } from './api.js';
import { participantsOf } from './chat-data.js';

const CONVERSATION_ID = /^[A-Za-z0-9-]{1,64}$/;
/**
 * A conversation's participants are written once, when it is created, and never change: an
 * execution environment keeps those it has read for a minute (bounded, so a later feature that
 * changes them cannot be outrun for long), sparing a query per message.
 */
const KEEP_MS = 60_000;
const MAX_KEPT = 1000;
const kept = new Map<string, { participants: string[]; until: number }>();

/** The participants of a conversation the caller belongs to; 403 otherwise (unknown ids too, so ids are not probed). */
export async function participantsFor(caller: string, conversationId: string | undefined): Promise<string[]> {
  if (!conversationId || !CONVERSATION_ID.test(conversationId)) throw new HttpError(400, 'Invalid conversation id');
  const participants = await knownParticipants(conversationId);
  if (!participants.includes(caller)) throw new HttpError(403, 'You are not a participant of this conversation');
  return participants;
}

async function knownParticipants(conversationId: string): Promise<string[]> {
  const now = Date.now();
  const known = kept.get(conversationId);
  if (known && known.until > now) return known.participants;
  const participants = await participantsOf(conversationId);
  // An unknown id is not kept: it may be one being created right now.
  if (participants.length) {
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
    kept.set(conversationId, { participants, until: now + KEEP_MS });
  }
  return participants;
}
