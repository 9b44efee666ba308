import { HttpError } from './api.js';
import { participantsOf } from './chat-data.js';

const CONVERSATION_ID = /^[A-Za-z0-9-]{1,64}$/;

/** The participants of a conversation the caller belongs to; 403 otherwise (unknown ids too, so ids are not probed). */
export async function participantsFor(caller: string, conversationId: string | undefined): Promise<string[]> {
  if (!conversationId || !CONVERSATION_ID.test(conversationId)) throw new HttpError(400, 'Invalid conversation id');
  const participants = await participantsOf(conversationId);
  if (!participants.includes(caller)) throw new HttpError(403, 'You are not a participant of this conversation');
  return participants;
}
