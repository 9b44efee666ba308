/** Chat-Messages-POST: the caller posts a text message to a conversation it belongs to. */
import { apiHandler, HttpError } from './lib/api.js';
import { putMessage } from './lib/chat-data.js';
import { participantsFor } from './lib/membership.js';

const MAX_MESSAGE_LENGTH = 10_000;

export function parseMessage(body: unknown): string {
  if (typeof body !== 'string') throw new HttpError(400, 'The body must be a JSON string: the message text');
  const text = body.trim();
  if (!text) throw new HttpError(400, 'The message is empty');
  // What API Gateway hands on in place of bytes that were not UTF-8.
  if (text.includes('\uFFFD')) throw new HttpError(400, 'The message is not valid UTF-8 text');
  if (text.length > MAX_MESSAGE_LENGTH) throw new HttpError(400, `A message has at most ${MAX_MESSAGE_LENGTH} characters`);
  return body;
}

export const handler = apiHandler(async ({ caller, id, body }) => {
  const message = parseMessage(body);
  await participantsFor(caller, id);
  await putMessage(id!, caller, message);
  return { status: 204 };
});
