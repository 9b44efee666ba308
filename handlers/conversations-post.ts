/** Chat-Conversation-POST: starts a conversation between the caller and the given users. */
import { randomUUID } from 'node:crypto';
import { apiHandler, HttpError } from './lib/api.js';
import { createConversation, userExists } from './lib/chat-data.js';

const MAX_PARTICIPANTS = 50;

export function parseUsers(body: unknown, caller: string): string[] {
  if (!Array.isArray(body) || body.some((u) => typeof u !== 'string' || u.length === 0 || u.length > 128)) {
    throw new HttpError(400, 'The body must be a JSON array of usernames');
  }
  const others = [...new Set(body as string[])].filter((u) => u !== caller);
  if (others.length === 0) throw new HttpError(400, 'Name at least one other user to start a conversation with');
  if (others.length >= MAX_PARTICIPANTS) throw new HttpError(400, `A conversation has at most ${MAX_PARTICIPANTS} participants`);
  return others;
}

export const handler = apiHandler(async ({ caller, body }) => {
  const others = parseUsers(body, caller);
  const exists = await Promise.all(others.map(userExists));
  const unknown = others.filter((_, i) => !exists[i]);
  if (unknown.length) throw new HttpError(400, `Unknown user${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  const id = randomUUID();
  await createConversation(id, [caller, ...others]);
  return { status: 200, body: id };
});
