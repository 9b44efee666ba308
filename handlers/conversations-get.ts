/** Chat-Conversation-GET: the caller's conversations with their participants and last message time. */
import { apiHandler } from './lib/api.js';
import { conversationIdsOf, lastMessageTime, participantsOf } from './lib/chat-data.js';

export const handler = apiHandler(async ({ caller }) => {
  const ids = await conversationIdsOf(caller);
  const conversations = await Promise.all(
    ids.map(async (id) => {
      const [participants, last] = await Promise.all([participantsOf(id), lastMessageTime(id)]);
      return last === undefined ? { id, participants } : { id, participants, last };
    }),
  );
  conversations.sort((a, b) => (b.last ?? 0) - (a.last ?? 0));
  return { status: 200, body: conversations };
});
