import {
  AdminConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../provision/stack.js';
import { callApi, errorMessage } from './support/api.js';
import { chatData } from './support/chat-data.js';
import { type ChatStack, startChatStack } from './support/chat-stack.js';
import { eventually, invocationCounts } from './support/invocations.js';
import { decode, reassemble, type SigningKeyFile, signHs256, signingKeyOnDisk, signRs256 } from './support/tokens.js';
import { type ChatUser, createUsers, logIn, PASSWORD } from './support/users.js';

/** Provisioning a stack on a loaded two-core machine can take a minute. */
const SETUP_TIMEOUT_MS = 180_000;

/**
 * Tokens that must not open the API: each gets a 401 from the Cognito authorizer and no function
 * runs. A valid caller who is not a participant of a conversation gets a 403 and writes nothing.
 */
describe('the chat API under auth attacks', { timeout: 120_000 }, () => {
  let stack: ChatStack;
  let alice: ChatUser;
  let carol: ChatUser;
  let conversationId: string;
  let chatKey: SigningKeyFile;
  let otherPool: { key: SigningKeyFile; idToken: string; userPoolId: string };
  const functions = [...new Set(ROUTES.map((r) => r.function))];
  const routePath = (path: string) => path.replace('{id}', conversationId);
  const bodyFor = (route: (typeof ROUTES)[number]) =>
    route.method !== 'POST' ? undefined : route.path === '/conversations' ? ['carol'] : JSON.stringify('a message');

  beforeAll(async () => {
    stack = await startChatStack({ persist: true });
    [alice, , carol] = (await createUsers(stack.cognito, stack.outputs, ['alice', 'bob', 'carol'])) as [ChatUser, ChatUser, ChatUser];
    const created = await callApi(stack.outputs.apiUrl, 'POST', '/conversations', { token: alice.idToken, body: ['bob'] });
    conversationId = created.json as string;
    chatKey = signingKeyOnDisk(stack.cloud.stateDir!, stack.outputs.userPoolId);

    const { UserPool } = await stack.cognito.send(new CreateUserPoolCommand({ PoolName: 'OtherPool', AutoVerifiedAttributes: ['email'] }));
    const { UserPoolClient } = await stack.cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool!.Id!,
        ClientName: 'other',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const pool = { userPoolId: UserPool!.Id!, userPoolClientId: UserPoolClient!.ClientId! };
    await stack.cognito.send(
      new SignUpCommand({
        ClientId: pool.userPoolClientId,
        Username: 'alice',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }],
      }),
    );
    await stack.cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: pool.userPoolId, Username: 'alice' }));
    const otherAlice = await logIn(stack.cognito, pool, 'alice');
    otherPool = { key: signingKeyOnDisk(stack.cloud.stateDir!, pool.userPoolId), idToken: otherAlice.idToken, userPoolId: pool.userPoolId };
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => stack?.close());

  function attackTokens(): Record<string, string> {
    const { header, payload, signature } = decode(alice.idToken);
    const now = Math.floor(Date.now() / 1000);
    const other = decode(otherPool.idToken);
    return {
      'no token': '',
      garbage: 'not-a-token',
      'three empty parts': '..',
      truncated: alice.idToken.slice(0, -10),
      'forged signature': reassemble(header, payload, Buffer.alloc(256, 7).toString('base64url')),
      'signature of another token': reassemble(header, payload, decode(carol.idToken).signature),
      'alg none': reassemble({ ...header, alg: 'none' }, payload, ''),
      'alg None with the old signature': reassemble({ ...header, alg: 'None' }, payload, signature),
      'HS256 keyed with the public key': signHs256(header, payload, JSON.stringify(chatKey.publicJwk)),
      'HS256 keyed with the modulus': signHs256(header, payload, String(chatKey.publicJwk.n)),
      'signed with another pool key, this pool kid': signRs256(header, payload, otherPool.key.privateJwk),
      'signed with another pool key and kid': signRs256({ ...header, kid: otherPool.key.kid }, payload, otherPool.key.privateJwk),
      "another pool's own ID token": otherPool.idToken,
      "another pool's token claiming this issuer": reassemble(other.header, { ...other.payload, iss: payload.iss }, other.signature),
      'expired (signed with the real key)': signRs256(header, { ...payload, iat: now - 7200, exp: now - 3600 }, chatKey.privateJwk),
      'no expiry (signed with the real key)': signRs256(header, { ...payload, exp: undefined }, chatKey.privateJwk),
      'tampered username': reassemble(header, { ...payload, 'cognito:username': 'bob' }, signature),
      'tampered expiry': reassemble(header, { ...payload, exp: now + 10 * 365 * 86400 }, signature),
      'tampered token use': reassemble(header, { ...payload, token_use: 'access' }, signature),
      'access token': alice.accessToken,
      'ID token claiming another pool as issuer': signRs256(
        header,
        { ...payload, iss: String(payload.iss).replace(stack.outputs.userPoolId, otherPool.userPoolId) },
        chatKey.privateJwk,
      ),
    };
  }

  it('answers every forged, foreign, expired or wrong-kind token with 401 on every route, and runs no function', async () => {
    const before = await invocationCounts(stack, functions);
    const data = await chatData(stack);
    for (const route of ROUTES) {
      for (const [attack, token] of Object.entries(attackTokens())) {
        const answer = await callApi(stack.outputs.apiUrl, route.method, routePath(route.path), {
          token: token || undefined,
          body: bodyFor(route),
        });
        expect({ route: `${route.method} ${route.path}`, attack, status: answer.status, message: Boolean(errorMessage(answer)) }).toEqual({
          route: `${route.method} ${route.path}`,
          attack,
          status: 401,
          message: true,
        });
      }
    }
    expect(await chatData(stack)).toEqual(data);

    // One genuine call per route: each function then shows exactly one more start, so none ran for the attacks.
    for (const route of ROUTES) {
      const answer = await callApi(stack.outputs.apiUrl, route.method, routePath(route.path), {
        token: alice.idToken,
        body: bodyFor(route),
      });
      expect({ route: `${route.method} ${route.path}`, status: answer.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: expect.toSatisfy((s: number) => s >= 200 && s < 300),
      });
    }
    const expected = Object.fromEntries(functions.map((fn) => [fn, before[fn]! + ROUTES.filter((r) => r.function === fn).length]));
    const after = await eventually(
      () => invocationCounts(stack, functions),
      (counts) => functions.every((fn) => counts[fn]! >= expected[fn]!),
    );
    expect(after).toEqual(expected);
  });

  it('says when a genuine token has expired', async () => {
    const { header, payload } = decode(alice.idToken);
    const now = Math.floor(Date.now() / 1000);
    const expired = signRs256(header, { ...payload, iat: now - 7200, exp: now - 3600 }, chatKey.privateJwk);
    const answer = await callApi(stack.outputs.apiUrl, 'GET', '/conversations', { token: expired });
    expect(answer.status).toBe(401);
    expect(errorMessage(answer)).toBe('The incoming token has expired');
  });

  it("refuses a valid user on every route of another users' conversation with 403, and writes nothing", async () => {
    const data = await chatData(stack);
    for (const route of ROUTES.filter((r) => r.path.includes('{id}'))) {
      const answer = await callApi(stack.outputs.apiUrl, route.method, routePath(route.path), {
        token: carol.idToken,
        body: bodyFor(route),
      });
      expect({ route: `${route.method} ${route.path}`, status: answer.status, message: Boolean(errorMessage(answer)) }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 403,
        message: true,
      });
    }
    expect(await chatData(stack)).toEqual(data);
    const listed = await callApi(stack.outputs.apiUrl, 'GET', '/conversations', { token: carol.idToken });
    expect(listed.status).toBe(200);
    expect((listed.json as Array<{ id: string }>).map((c) => c.id)).not.toContain(conversationId);
  });

  it('gives an unknown conversation id the same 403 as a foreign one, so ids cannot be probed', async () => {
    for (const route of ROUTES.filter((r) => r.path.includes('{id}'))) {
      const path = route.path.replace('{id}', '00000000-0000-4000-8000-000000000000');
      const answer = await callApi(stack.outputs.apiUrl, route.method, path, { token: carol.idToken, body: bodyFor(route) });
      expect({ route: `${route.method} ${route.path}`, status: answer.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 403,
      });
    }
  });
});
