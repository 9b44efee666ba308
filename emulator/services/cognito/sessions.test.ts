import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminUserGlobalSignOutCommand,
  DescribeUserPoolClientCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { cognitoClient, createChatPool, decodePayload, failure, PASSWORD, signUpConfirmed } from './test-support.js';

type Tokens = { AccessToken: string; IdToken: string; RefreshToken: string; ExpiresIn: number };

describe('Cognito sessions: sign-out, revocation and token lifetimes', () => {
  let cloud: TestCloud;
  let cognito: ReturnType<typeof cognitoClient>;
  let ids: { poolId: string; clientId: string };
  beforeAll(async () => {
    cloud = await startTestCloud();
    cognito = cognitoClient(cloud);
    ids = await createChatPool(cognito);
    await signUpConfirmed(cloud, cognito, ids, 'alice');
    await signUpConfirmed(cloud, cognito, ids, 'bob');
  });
  afterAll(async () => cloud.close());
  afterEach(() => vi.useRealTimers());

  const login = async (username: string, clientId = ids.clientId) =>
    (
      await cognito.send(
        new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD } }),
      )
    ).AuthenticationResult as Tokens;
  const refresh = (token: string, clientId = ids.clientId) =>
    cognito.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: token } }));

  it('GlobalSignOut revokes every refresh token and access token of the user, not those of others', async () => {
    const first = await login('alice');
    const second = await login('alice');
    const other = await login('bob');
    await cognito.send(new GlobalSignOutCommand({ AccessToken: first.AccessToken }));
    for (const session of [first, second]) {
      expect(await failure(cognito.send(new GetUserCommand({ AccessToken: session.AccessToken })))).toEqual({
        name: 'NotAuthorizedException',
        message: 'Access Token has been revoked',
        status: 400,
      });
      expect(await failure(refresh(session.RefreshToken))).toEqual({
        name: 'NotAuthorizedException',
        message: 'Refresh Token has been revoked',
        status: 400,
      });
    }
    expect(await failure(cognito.send(new GlobalSignOutCommand({ AccessToken: first.AccessToken })))).toMatchObject({
      message: 'Access Token has been revoked',
    });
    expect((await cognito.send(new GetUserCommand({ AccessToken: other.AccessToken }))).Username).toBe('bob');
    // Signing in again after the sign-out works.
    const fresh = await login('alice');
    expect((await cognito.send(new GetUserCommand({ AccessToken: fresh.AccessToken }))).Username).toBe('alice');
    // An administrator can sign a user out too.
    await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: ids.poolId, Username: 'alice' }));
    expect(await failure(refresh(fresh.RefreshToken))).toMatchObject({ message: 'Refresh Token has been revoked' });
  });

  it('RevokeToken revokes one refresh token and the access tokens issued with it', async () => {
    const revoked = await login('bob');
    const kept = await login('bob');
    const refreshed = await refresh(revoked.RefreshToken);
    await cognito.send(new RevokeTokenCommand({ ClientId: ids.clientId, Token: revoked.RefreshToken }));
    expect(await failure(refresh(revoked.RefreshToken))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
      status: 400,
    });
    for (const token of [revoked.AccessToken, refreshed.AuthenticationResult!.AccessToken!]) {
      expect(await failure(cognito.send(new GetUserCommand({ AccessToken: token })))).toMatchObject({
        message: 'Access Token has been revoked',
      });
    }
    expect((await refresh(kept.RefreshToken)).AuthenticationResult?.IdToken).toBeTruthy();
    expect((await cognito.send(new GetUserCommand({ AccessToken: kept.AccessToken }))).Username).toBe('bob');
    // Revoking again, or revoking a token the pool never issued, is not an error; an access token is.
    await cognito.send(new RevokeTokenCommand({ ClientId: ids.clientId, Token: revoked.RefreshToken }));
    await cognito.send(new RevokeTokenCommand({ ClientId: ids.clientId, Token: 'eyJub3QiOiJvdXJzIn0.AAAA.BBBB.CCCC.DDDD' }));
    expect(await failure(cognito.send(new RevokeTokenCommand({ ClientId: ids.clientId, Token: kept.AccessToken })))).toEqual({
      name: 'UnsupportedTokenTypeException',
      message: 'Unsupported token type.',
      status: 400,
    });
    const noRevocation = await createChatPool(cognito, {}, { EnableTokenRevocation: false });
    expect(await failure(cognito.send(new RevokeTokenCommand({ ClientId: noRevocation.clientId, Token: kept.RefreshToken })))).toEqual({
      name: 'UnsupportedOperationException',
      message: 'Token revocation is not enabled for this client.',
      status: 400,
    });
  });

  it('gives tokens the lifetimes the app client sets', async () => {
    const short = await createChatPool(
      cognito,
      {},
      {
        AccessTokenValidity: 5,
        IdTokenValidity: 10,
        RefreshTokenValidity: 60,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      },
    );
    await signUpConfirmed(cloud, cognito, short, 'carol');
    const described = await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: short.poolId, ClientId: short.clientId }));
    expect(described.UserPoolClient).toMatchObject({
      AccessTokenValidity: 5,
      IdTokenValidity: 10,
      RefreshTokenValidity: 60,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
    });
    const tokens = await login('carol', short.clientId);
    expect(tokens.ExpiresIn).toBe(300);
    const access = decodePayload(tokens.AccessToken);
    const id = decodePayload(tokens.IdToken);
    expect((access.exp as number) - (access.iat as number)).toBe(300);
    expect((id.exp as number) - (id.iat as number)).toBe(600);

    // GetUser is unsigned: a clock moved past the access token's lifetime sees it expired.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 6 * 60 * 1000 });
    expect(await failure(cognito.send(new GetUserCommand({ AccessToken: tokens.AccessToken })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token has expired',
      status: 400,
    });
    expect((await refresh(tokens.RefreshToken, short.clientId)).AuthenticationResult?.ExpiresIn).toBe(300);
    vi.setSystemTime(Date.now() + 60 * 60 * 1000);
    expect(await failure(refresh(tokens.RefreshToken, short.clientId))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has expired',
      status: 400,
    });
  });
});

describe('Cognito revocations across a restart', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'cognito-revoked-'));
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  it('keeps revoked tokens revoked and SRP verifiers usable', async () => {
    let ids: { poolId: string; clientId: string };
    let revoked: Tokens;
    let live: Tokens;
    const first = await startTestCloud({ stateDir });
    try {
      const cognito = cognitoClient(first);
      ids = await createChatPool(cognito);
      await signUpConfirmed(first, cognito, ids, 'alice');
      const login = async () =>
        (
          await cognito.send(
            new InitiateAuthCommand({
              AuthFlow: 'USER_PASSWORD_AUTH',
              ClientId: ids.clientId,
              AuthParameters: { USERNAME: 'alice', PASSWORD },
            }),
          )
        ).AuthenticationResult as Tokens;
      revoked = await login();
      live = await login();
      await cognito.send(new RevokeTokenCommand({ ClientId: ids.clientId, Token: revoked.RefreshToken }));
    } finally {
      await first.close();
    }
    const again = await startTestCloud({ stateDir });
    try {
      const cognito = cognitoClient(again);
      expect(await failure(cognito.send(new GetUserCommand({ AccessToken: revoked.AccessToken })))).toMatchObject({
        message: 'Access Token has been revoked',
      });
      expect((await cognito.send(new GetUserCommand({ AccessToken: live.AccessToken }))).Username).toBe('alice');
      const challenge = await cognito.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_SRP_AUTH',
          ClientId: ids.clientId,
          AuthParameters: { USERNAME: 'alice', SRP_A: 'abcdef' },
        }),
      );
      expect(challenge.ChallengeName).toBe('PASSWORD_VERIFIER');
    } finally {
      await again.close();
    }
  });
});
