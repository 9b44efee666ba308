/** Chat-Conversation-GET: the caller's conversations with their participants, most recently active first. */
import { apiHandler } from './lib/api.js';
import { conversationsOf } from './lib/chat-data.js';

export const handler = apiHandler(async ({ caller }) => {
  const conversations = await conversationsOf(caller);
  conversations.sort((a, b) => (b.last ?? 0) - (a.last ?? 0));
  return { status: 200, body: conversations };
});
