import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../provision/stack.js';
import { type ApiAnswer, callApi, errorMessage } from './support/api.js';
import { chatData } from './support/chat-data.js';
import { type ChatStack, startChatStack } from './support/chat-stack.js';
import { pathOf, type RawAnswer, rawHttp } from './support/raw-http.js';
import { type ChatUser, createUsers } from './support/users.js';

/** Provisioning a stack on a loaded two-core machine can take a minute. */
const SETUP_TIMEOUT_MS = 180_000;

/**
 * Requests no browser would send, on every route of the chat API: each gets a 4xx with a message
 * (never a 5xx), and none of them changes what the chat keeps.
 */
describe('the chat API under hostile input', { timeout: 120_000 }, () => {
  let stack: ChatStack;
  let alice: ChatUser;
  let conversationId: string;
  const api = (method: string, path: string, call: Parameters<typeof callApi>[3] = {}) =>
    callApi(stack.outputs.apiUrl, method, path, { token: alice.idToken, ...call });
  const routePath = (path: string, id = conversationId) => path.replace('{id}', id);

  beforeAll(async () => {
    stack = await startChatStack();
    [alice] = (await createUsers(stack.cognito, stack.outputs, ['alice', 'bob'])) as [ChatUser, ChatUser];
    const created = await api('POST', '/conversations', { body: ['bob'] });
    expect(created.status).toBe(200);
    conversationId = created.json as string;
    expect((await api('POST', `/conversations/${conversationId}`, { body: JSON.stringify('hello') })).status).toBe(204);
    // Chat-Messages-Stream writes LastMessageAt after the post: let it land before taking snapshots.
    const listed = async () => ((await api('GET', '/conversations')).json as Array<{ last?: number }>)[0]?.last;
    for (let i = 0; i < 300 && (await listed()) === undefined; i++) await new Promise((r) => setTimeout(r, 100));
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => stack?.close());

  /** Runs the requests and checks that the chat's data is the same afterwards. */
  async function writesNothing(requests: () => Promise<void>): Promise<void> {
    const before = await chatData(stack);
    await requests();
    expect(await chatData(stack)).toEqual(before);
  }

  function expectClientError(answer: ApiAnswer | RawAnswer, context: unknown, statuses?: number[]): void {
    const message = errorMessage('text' in answer ? answer : { json: parseJson(answer.body) });
    expect({ context, status: answer.status, hasMessage: Boolean(message) }).toEqual({
      context,
      status: statuses ? expect.toSatisfy((s: number) => statuses.includes(s)) : expect.toSatisfy((s: number) => s >= 400 && s < 500),
      hasMessage: true,
    });
  }

  it('answers malformed JSON with a 400 and a message on every route that reads a body', async () => {
    const malformed = [
      '{',
      '[',
      '["bob"',
      '{"users": [}',
      "'bob'",
      '[bob]',
      'undefined',
      'NaN',
      '"unterminated',
      '\u0000',
      '{"a":1}{"b":2}',
    ];
    await writesNothing(async () => {
      for (const route of ROUTES.filter((r) => r.method === 'POST')) {
        for (const body of malformed) expectClientError(await api(route.method, routePath(route.path), { body }), { route, body }, [400]);
      }
    });
  });

  it('answers values of the wrong type with a 400 and a message', async () => {
    const wrongTypes: Record<string, unknown[]> = {
      '/conversations': [
        42,
        'bob',
        null,
        true,
        {},
        { users: ['bob'] },
        [1, 2],
        [null],
        [['bob']],
        [{ $ne: null }],
        [],
        ['no-such-user'],
        ['x'.repeat(5000)],
      ],
      '/conversations/{id}': [42, ['hello'], { message: 'hello' }, null, true, false, '', '   ', 'x'.repeat(10_001), { $gt: '' }],
    };
    await writesNothing(async () => {
      for (const route of ROUTES.filter((r) => r.method === 'POST')) {
        for (const value of wrongTypes[route.path] ?? [42, null, 'x']) {
          const body = JSON.stringify(value);
          expectClientError(
            await api(route.method, routePath(route.path), { body }),
            { route: route.path, body: body.slice(0, 60) },
            [400],
          );
        }
      }
    });
  });

  it('answers bodies over API Gateway 10 MB limit with 413 on every route', async () => {
    const huge = JSON.stringify('x'.repeat(10 * 1024 * 1024 + 16));
    await writesNothing(async () => {
      for (const route of ROUTES) {
        const answer = await rawHttp(stack.outputs.apiUrl, {
          method: route.method,
          path: pathOf(stack.outputs.apiUrl) + routePath(route.path),
          headers: [
            ['Authorization', alice.idToken],
            ['Content-Type', 'application/json'],
          ],
          body: huge,
        });
        expectClientError(answer, { route }, [413]);
      }
    });
  });

  it('answers a body larger than the local cloud reads at all with 413, not a reset connection', async () => {
    const enormous = Buffer.alloc(70 * 1024 * 1024, 0x61);
    const route = ROUTES.filter((r) => r.method === 'POST')[0]!;
    const answer = await rawHttp(stack.outputs.apiUrl, {
      method: route.method,
      path: pathOf(stack.outputs.apiUrl) + routePath(route.path),
      headers: [['Authorization', alice.idToken]],
      body: enormous,
    });
    expectClientError(answer, { size: enormous.length }, [413]);
  });

  // The gateway hands a function U+FFFD in place of bytes that are not UTF-8: the functions refuse it.
  for (const route of ROUTES.filter((r) => r.method === 'POST')) {
    const name = `${route.method} ${route.path}`;
    it(`answers ${name} with a body that is not UTF-8 with a 400 and a message`, async () => {
      const bad = [
        Buffer.from([0x22, 0xff, 0xfe, 0x22]),
        Buffer.from([0x22, 0xc3, 0x28, 0x22]),
        Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]), // an encoded UTF-16 surrogate
        Buffer.from([0x22, 0xc0, 0xaf, 0x22]), // overlong "/"
        Buffer.from([0x5b, 0x22, 0x62, 0x6f, 0x62, 0xff, 0x22, 0x5d]),
      ];
      await writesNothing(async () => {
        for (const body of bad) {
          const answer = await rawHttp(stack.outputs.apiUrl, {
            method: route.method,
            path: pathOf(stack.outputs.apiUrl) + routePath(route.path),
            headers: [
              ['Authorization', alice.idToken],
              ['Content-Type', 'application/json'],
            ],
            body,
          });
          expectClientError(answer, { route: name, body: body.toString('hex') }, [400]);
        }
      });
    });
  }

  it('answers traversal and odd conversation ids with a 4xx and a message, and never touches another conversation', async () => {
    const ids = [
      '..%2F..%2Fusers',
      '%2e%2e',
      '%2e%2e%2f%2e%2e%2fusers',
      '..%5c..%5cusers',
      '%252e%252e%252f',
      '....%2F%2F',
      '%c0%ae%c0%ae%2f',
      '%00',
      `${conversationId}%00`,
      `${conversationId}%2F..%2F${conversationId}`,
      '%ff',
      '%E0%A4%A',
      '%',
      'x'.repeat(5000),
      '*',
      "a'b",
      'a%22b',
      '%22%2C%22cognitoUsername%22%3A%22bob',
      '$context.authorizer.claims',
      '%23set(%24x%3D1)',
      '%0d%0aSet-Cookie:%20injected=1',
    ];
    await writesNothing(async () => {
      for (const route of ROUTES.filter((r) => r.path.includes('{id}'))) {
        for (const id of ids) {
          const answer = await rawHttp(stack.outputs.apiUrl, {
            method: route.method,
            path: pathOf(stack.outputs.apiUrl) + routePath(route.path, id),
            headers: [
              ['Authorization', alice.idToken],
              ['Content-Type', 'application/json'],
            ],
            body: route.method === 'POST' ? JSON.stringify('injected') : undefined,
          });
          expectClientError(answer, { route: `${route.method} ${route.path}`, id: id.slice(0, 60) });
          expect(answer.headers['set-cookie']).toBeUndefined();
        }
      }
    });
  });

  it('never answers a 5xx nor writes for literal dot segments in the path', async () => {
    const base = pathOf(stack.outputs.apiUrl);
    const paths = [
      `/conversations/../users`,
      `/conversations/${conversationId}/../../users`,
      `/conversations/./${conversationId}`,
      `/../conversations`,
    ];
    await writesNothing(async () => {
      for (const method of ['GET', 'POST']) {
        for (const path of paths) {
          const answer = await rawHttp(stack.outputs.apiUrl, {
            method,
            path: base + path,
            headers: [['Authorization', alice.idToken]],
            body: method === 'POST' ? JSON.stringify('through a dot segment') : undefined,
          });
          expect({ method, path, status: answer.status }).toEqual({ method, path, status: expect.toSatisfy((s: number) => s < 500) });
          if (method === 'POST') expect({ method, path, status: answer.status }).not.toEqual({ method, path, status: 204 });
        }
      }
    });
  });

  it('answers odd "since" values with a 400', async () => {
    for (const since of ['abc', '-1', '1e999', 'NaN', '%00', '1,2']) {
      expectClientError(await api('GET', `/conversations/${conversationId}?since=${since}`), { since }, [400]);
    }
  });

  it('refuses malformed and smuggling header lines with a 4xx, and writes nothing', async () => {
    const conversation = `${pathOf(stack.outputs.apiUrl)}/conversations/${conversationId}`;
    const json: [string, string] = ['Content-Type', 'application/json'];
    const auth: [string, string] = ['Authorization', alice.idToken];
    const body = JSON.stringify('through a malformed header');
    const cases: Array<{ name: string; headers: Array<[string, string]>; body?: string }> = [
      { name: 'bare CR inside a value', headers: [auth, json, ['X-Note', 'a\rX-Injected: 1']], body },
      { name: 'bare LF inside a value', headers: [auth, json, ['X-Note', 'a\nX-Injected: 1']], body },
      { name: 'NUL inside a value', headers: [auth, json, ['X-Note', 'a\u0000b']], body },
      { name: 'obsolete line folding', headers: [auth, json, ['X-Note', 'a\r\n X-Injected: 1']], body },
      { name: 'space before the colon', headers: [auth, json, ['Transfer-Encoding ', 'chunked']], body },
      {
        name: 'length and chunked together (request smuggling)',
        headers: [auth, json, ['Transfer-Encoding', 'chunked']],
        body: `0\r\n\r\nPOST ${conversation} HTTP/1.1\r\n\r\n`,
      },
      { name: 'token in Latin-1', headers: [['Authorization', '\u00ff\u00fe\u00e9'], json], body },
      { name: 'token of 20 kB', headers: [['Authorization', 'a'.repeat(20_000)], json], body },
      { name: 'token twice', headers: [['Authorization', 'not-a-token'], auth, json], body },
    ];
    await writesNothing(async () => {
      for (const c of cases) {
        const answer = await rawHttp(stack.outputs.apiUrl, { method: 'POST', path: conversation, headers: c.headers, body: c.body });
        expectClientError(answer, c.name);
        expect(answer.headers['x-injected']).toBeUndefined();
      }
    });
  });

  it('reflects nothing from the request into response headers', async () => {
    const answer = await rawHttp(stack.outputs.apiUrl, {
      method: 'GET',
      path: `${pathOf(stack.outputs.apiUrl)}/no-such-route%0d%0aSet-Cookie:%20x=1`,
      headers: [['Origin', 'http://evil.example\r\nSet-Cookie: y=2']],
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.headers['set-cookie']).toBeUndefined();
  });
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
