/** Chat-Messages-GET: a conversation's messages, oldest first (only newer than `since` when given). */
import { apiHandler } from './lib/api.js';
import { messagesOf } from './lib/chat-data.js';
import { participantsFor } from './lib/membership.js';

export const handler = apiHandler(async ({ caller, id, since }) => {
  const participants = await participantsFor(caller, id);
  const messages = await messagesOf(id!, since);
  const last = messages.at(-1)?.time;
  return { status: 200, body: last === undefined ? { id, participants, messages } : { id, participants, last, messages } };
});
