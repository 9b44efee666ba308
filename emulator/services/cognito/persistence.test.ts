import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetUserCommand, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type PasswordVerifierChallenge, passwordClaim, startSrp } from '../../../client/src/srp.js';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { ServiceRegistry } from '../../core/service.js';
import { openStore } from '../../core/store.js';
import { CognitoService } from './index.js';
import { cognitoClient, createChatPool, decodePayload, failure, PASSWORD, sentCodes, signUpConfirmed } from './test-support.js';

async function jwks(cloud: TestCloud, poolId: string): Promise<Array<Record<string, string>>> {
  return ((await (await fetch(`${cloud.url}/${poolId}/.well-known/jwks.json`)).json()) as { keys: Array<Record<string, string>> }).keys;
}

describe('Cognito across a restart, and as the API Gateway token verifier', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'cognito-restart-'));
  let ids: { poolId: string; poolArn: string; clientId: string };
  let tokens: { IdToken: string; AccessToken: string; RefreshToken: string };
  let keysBefore: Array<Record<string, string>>;

  beforeAll(async () => {
    const first = await startTestCloud({ stateDir });
    try {
      const cognito = cognitoClient(first);
      ids = await createChatPool(cognito);
      await signUpConfirmed(first, cognito, ids, 'alice');
      const login = await cognito.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: ids.clientId,
          AuthParameters: { USERNAME: 'alice', PASSWORD },
        }),
      );
      tokens = login.AuthenticationResult as typeof tokens;
      keysBefore = await jwks(first, ids.poolId);
    } finally {
      await first.close();
    }
  });
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));
  afterEach(() => vi.useRealTimers());

  it('keeps keys, users, tokens and sent codes after a restart', async () => {
    const again = await startTestCloud({ stateDir });
    try {
      const cognito = cognitoClient(again);
      expect(await jwks(again, ids.poolId)).toEqual(keysBefore);
      // The old access token still works, though the edge now listens on another port.
      expect((await cognito.send(new GetUserCommand({ AccessToken: tokens.AccessToken }))).Username).toBe('alice');
      const refreshed = await cognito.send(
        new InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: ids.clientId,
          AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken },
        }),
      );
      expect(decodePayload(refreshed.AuthenticationResult!.IdToken!)['cognito:username']).toBe('alice');
      const login = await cognito.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: ids.clientId,
          AuthParameters: { USERNAME: 'alice', PASSWORD },
        }),
      );
      expect(login.AuthenticationResult?.AccessToken).toBeTruthy();
      expect((await sentCodes(again, { userPoolId: ids.poolId })).map((c) => c.username)).toEqual(['alice']);
    } finally {
      await again.close();
    }
  });

  it('keeps passwords as scrypt hashes, never in plain text', () => {
    const files = readdirSync(stateDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    const user = files.find((f) => f.name === 'alice.json');
    expect(user).toBeDefined();
    const stored = JSON.parse(readFileSync(join(user!.parentPath, user!.name), 'utf8'));
    expect(stored.passwordHash).toMatch(/^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    for (const file of files) expect(readFileSync(join(file.parentPath, file.name), 'utf8')).not.toContain(PASSWORD);
  });

  it('verifies tokens for API Gateway with the claims as $context.authorizer.claims shows them', async () => {
    const verifier = new CognitoService({
      store: openStore(stateDir),
      services: new ServiceRegistry(),
      edgeUrl: () => 'http://localhost:4566',
      log: () => {},
    });
    const id = verifier.verify(tokens.IdToken, [ids.poolArn]);
    expect(id?.tokenUse).toBe('id');
    expect(id?.userPoolId).toBe(ids.poolId);
    const payload = decodePayload(tokens.IdToken);
    expect(id?.claims).toMatchObject({
      sub: payload.sub,
      email_verified: 'true',
      'cognito:username': 'alice',
      aud: ids.clientId,
      token_use: 'id',
      email: 'alice@example.com',
      auth_time: String(payload.auth_time),
      iss: payload.iss,
    });
    expect(id?.claims.exp).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/);
    expect(new Date(String(id?.claims.exp).replace(' UTC', '') + ' UTC').getTime()).toBe((payload.exp as number) * 1000);
    expect(verifier.verify(tokens.AccessToken, [ids.poolArn])?.tokenUse).toBe('access');

    // Another pool's ARN, a tampered token, garbage, an expired token: all refused.
    expect(verifier.verify(tokens.IdToken, ['arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_Another00'])).toBeUndefined();
    expect(verifier.verify(tokens.IdToken, [])).toBeUndefined();
    const [h, , s] = tokens.IdToken.split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, 'cognito:username': 'mallory' })).toString('base64url');
    expect(verifier.verify(`${h}.${forged}.${s}`, [ids.poolArn])).toBeUndefined();
    expect(verifier.verify('Bearer nonsense', [ids.poolArn])).toBeUndefined();
    vi.useFakeTimers({ toFake: ['Date'], now: ((payload.exp as number) + 1) * 1000 });
    expect(verifier.verify(tokens.IdToken, [ids.poolArn])).toBeUndefined();
  });
});

describe('Cognito users stored before SRP was supported', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'cognito-legacy-'));
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  it('get their SRP verifier at the next password sign-in', async () => {
    let ids: { poolId: string; clientId: string };
    const first = await startTestCloud({ stateDir });
    try {
      ids = await createChatPool(cognitoClient(first));
      await signUpConfirmed(first, cognitoClient(first), ids, 'alice');
    } finally {
      await first.close();
    }
    // What a user record looked like before: a scrypt hash and no verifier.
    const store = openStore(stateDir);
    const key = store.keys('cognito').find((k) => k.endsWith('/alice'))!;
    const { srp: _srp, ...legacy } = store.get<Record<string, unknown>>(key)!;
    store.put(key, legacy);

    const again = await startTestCloud({ stateDir });
    try {
      const cognito = cognitoClient(again);
      const srpLogin = async () => {
        const start = startSrp();
        const initiated = await cognito.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_SRP_AUTH',
            ClientId: ids.clientId,
            AuthParameters: { USERNAME: 'alice', SRP_A: start.srpA },
          }),
        );
        const params = initiated.ChallengeParameters as unknown as PasswordVerifierChallenge;
        return cognito.send(
          new RespondToAuthChallengeCommand({
            ClientId: ids.clientId,
            ChallengeName: 'PASSWORD_VERIFIER',
            ChallengeResponses: { USERNAME: 'alice', ...(await passwordClaim(ids.poolId, PASSWORD, start, params)) },
          }),
        );
      };
      expect(await failure(srpLogin())).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
      await cognito.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: ids.clientId,
          AuthParameters: { USERNAME: 'alice', PASSWORD },
        }),
      );
      expect((await srpLogin()).AuthenticationResult?.IdToken).toBeTruthy();
    } finally {
      await again.close();
    }
  });
});
