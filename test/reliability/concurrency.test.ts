import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/api.js';
import { type ChatStack, startChatStack } from './support/chat-stack.js';
import { type ChatUser, createUsers } from './support/users.js';

/** Provisioning a stack on a loaded two-core machine can take a minute. */
const SETUP_TIMEOUT_MS = 180_000;

interface Conversation {
  participants: string[];
  messages: Array<{ sender: string; time: number; message: string }>;
}

const USERS = 50;
const MESSAGES_PER_USER = 20;

/** 50 users each send 20 messages into one conversation, all users at once. */
describe('the chat API under concurrent posting', () => {
  let stack: ChatStack;
  let users: ChatUser[];
  let conversationId: string;

  beforeAll(async () => {
    stack = await startChatStack();
    users = await createUsers(
      stack.cognito,
      stack.outputs,
      Array.from({ length: USERS }, (_, i) => `user${String(i).padStart(2, '0')}`),
    );
    const [first, ...others] = users;
    const created = await callApi(stack.outputs.apiUrl, 'POST', '/conversations', {
      token: first!.idToken,
      body: others.map((u) => u.username),
    });
    expect(created.status).toBe(200);
    conversationId = created.json as string;
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => stack?.close());

  it('loses nothing, duplicates nothing, and keeps every sender order, in one stable order', { timeout: 300_000 }, async () => {
    // Each user sends its messages one after the other, as a person does; all users at the same time.
    const statuses = await Promise.all(
      users.map(async (user) => {
        const answers: number[] = [];
        for (let i = 0; i < MESSAGES_PER_USER; i++) {
          const answer = await callApi(stack.outputs.apiUrl, 'POST', `/conversations/${conversationId}`, {
            token: user.idToken,
            body: JSON.stringify(`${user.username}#${i}`),
          });
          answers.push(answer.status);
        }
        return answers;
      }),
    );
    expect(statuses.flat().filter((s) => s !== 204)).toEqual([]);

    const read = async () => {
      const answer = await callApi(stack.outputs.apiUrl, 'GET', `/conversations/${conversationId}`, { token: users[0]!.idToken });
      expect(answer.status).toBe(200);
      return answer.json as Conversation;
    };
    const { messages, participants } = await read();
    expect(participants).toHaveLength(USERS);

    const texts = messages.map((m) => m.message);
    expect(texts).toHaveLength(USERS * MESSAGES_PER_USER);
    expect(new Set(texts).size).toBe(texts.length);
    const expected = users.flatMap((u) => Array.from({ length: MESSAGES_PER_USER }, (_, i) => `${u.username}#${i}`));
    expect([...texts].sort()).toEqual([...expected].sort());

    // Every message is stored under its sender, and times strictly increase (no two share a key).
    for (const m of messages) expect(m.message.startsWith(`${m.sender}#`)).toBe(true);
    for (let i = 1; i < messages.length; i++) expect(messages[i]!.time).toBeGreaterThan(messages[i - 1]!.time);

    // A message acknowledged before the next was sent comes before it.
    for (const user of users) {
      const own = messages.filter((m) => m.sender === user.username).map((m) => Number(m.message.split('#')[1]));
      expect({ user: user.username, order: own }).toEqual({ user: user.username, order: [...own].sort((a, b) => a - b) });
    }

    // Reading again gives the same list in the same order; "since" continues it without a gap.
    expect((await read()).messages).toEqual(messages);
    const middle = messages[Math.floor(messages.length / 2)]!;
    const newer = await callApi(stack.outputs.apiUrl, 'GET', `/conversations/${conversationId}?since=${middle.time}`, {
      token: users[1]!.idToken,
    });
    expect((newer.json as Conversation).messages).toEqual(messages.filter((m) => m.time > middle.time));
  });
});
