/** Chat-Users-GET: every user of the pool but the caller. */
import { apiHandler } from './lib/api.js';
import { allUsernames } from './lib/chat-data.js';

export const handler = apiHandler(async ({ caller }) => {
  const names = (await allUsernames()).filter((name) => name !== caller).sort();
  return { status: 200, body: names };
});
