import { createPublicKey, verify } from 'node:crypto';
import { CreateUserPoolClientCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { cognitoClient, createChatPool, decodeHeader, decodePayload, PASSWORD, signUpConfirmed } from './test-support.js';

describe('Cognito tokens, JWKS and browser access', () => {
  let cloud: TestCloud;
  let cognito: ReturnType<typeof cognitoClient>;
  let ids: { poolId: string; poolArn: string; clientId: string };
  let sub: string;
  let tokens: { IdToken: string; AccessToken: string };

  beforeAll(async () => {
    cloud = await startTestCloud();
    cognito = cognitoClient(cloud);
    ids = await createChatPool(cognito);
    sub = await signUpConfirmed(cloud, cognito, ids, 'alice');
    const login = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: 'alice', PASSWORD } }),
    );
    tokens = login.AuthenticationResult as { IdToken: string; AccessToken: string };
  });
  afterAll(async () => cloud.close());

  it('gives the ID token the claims AWS gives it', () => {
    const claims = decodePayload(tokens.IdToken);
    expect(Object.keys(claims).sort()).toEqual(
      [
        'sub',
        'email_verified',
        'iss',
        'cognito:username',
        'origin_jti',
        'aud',
        'event_id',
        'token_use',
        'auth_time',
        'exp',
        'iat',
        'jti',
        'email',
      ].sort(),
    );
    expect(claims).toMatchObject({
      sub,
      email_verified: true,
      iss: `${cloud.url}/${ids.poolId}`,
      'cognito:username': 'alice',
      aud: ids.clientId,
      token_use: 'id',
      email: 'alice@example.com',
    });
    expect(claims.exp).toBe((claims.iat as number) + 3600);
    expect(Math.abs((claims.iat as number) - Date.now() / 1000)).toBeLessThan(60);
    expect(claims.auth_time).toBe(claims.iat);
  });

  it('gives the access token the claims AWS gives it', () => {
    const claims = decodePayload(tokens.AccessToken);
    expect(Object.keys(claims).sort()).toEqual(
      ['sub', 'iss', 'client_id', 'origin_jti', 'event_id', 'token_use', 'scope', 'auth_time', 'exp', 'iat', 'jti', 'username'].sort(),
    );
    expect(claims).toMatchObject({
      sub,
      iss: `${cloud.url}/${ids.poolId}`,
      client_id: ids.clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username: 'alice',
    });
    const id = decodePayload(tokens.IdToken);
    expect(claims.origin_jti).toBe(id.origin_jti);
    expect(claims.event_id).toBe(id.event_id);
    expect(claims.jti).not.toBe(id.jti);
  });

  it('signs both tokens with the key the pool publishes in its JWKS', async () => {
    const response = await fetch(`${cloud.url}/${ids.poolId}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const jwks = (await response.json()) as { keys: Array<Record<string, string>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ alg: 'RS256', kty: 'RSA', use: 'sig', e: 'AQAB' });
    for (const token of [tokens.IdToken, tokens.AccessToken]) {
      const header = decodeHeader(token);
      expect(header).toEqual({ kid: jwks.keys[0]!.kid, alg: 'RS256' });
      const key = createPublicKey({ key: jwks.keys.find((k) => k.kid === header.kid)! as never, format: 'jwk' });
      const [h, p, s] = token.split('.') as [string, string, string];
      expect(verify('sha256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))).toBe(true);
      expect(verify('sha256', Buffer.from(`${h}.${p}x`), key, Buffer.from(s, 'base64url'))).toBe(false);
    }
    const other = await createChatPool(cognito);
    const otherJwks = (await (await fetch(`${cloud.url}/${other.poolId}/.well-known/jwks.json`)).json()) as {
      keys: Array<{ kid: string }>;
    };
    expect(otherJwks.keys[0]!.kid).not.toBe(jwks.keys[0]!.kid);
  });

  it('serves the OpenID configuration whose issuer is the tokens issuer', async () => {
    const config = (await (await fetch(`${cloud.url}/${ids.poolId}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(config.issuer).toBe(decodePayload(tokens.IdToken).iss);
    expect(config.jwks_uri).toBe(`${cloud.url}/${ids.poolId}/.well-known/jwks.json`);
    expect(config.id_token_signing_alg_values_supported).toEqual(['RS256']);
    const missing = await fetch(`${cloud.url}/us-east-1_NoSuchPo0/.well-known/jwks.json`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'User pool us-east-1_NoSuchPo0 does not exist.' });
  });

  it("lets tokens live as long as the client's validity settings say", async () => {
    const { UserPoolClient } = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: ids.poolId,
        ClientName: 'short',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        IdTokenValidity: 5,
        AccessTokenValidity: 2,
        TokenValidityUnits: { IdToken: 'minutes', AccessToken: 'hours' },
      }),
    );
    const login = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: UserPoolClient!.ClientId,
        AuthParameters: { USERNAME: 'alice', PASSWORD },
      }),
    );
    const id = decodePayload(login.AuthenticationResult!.IdToken!);
    const access = decodePayload(login.AuthenticationResult!.AccessToken!);
    expect((id.exp as number) - (id.iat as number)).toBe(300);
    expect((access.exp as number) - (access.iat as number)).toBe(7200);
    expect(login.AuthenticationResult?.ExpiresIn).toBe(7200);
    expect(id.aud).toBe(UserPoolClient!.ClientId);
  });

  it('answers a browser CORS preflight and allows the origin on the answer', async () => {
    const preflight = await fetch(`${cloud.url}/`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'amz-sdk-invocation-id,amz-sdk-request,content-type,x-amz-target,x-amz-user-agent',
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-amz-target');

    const response = await fetch(`${cloud.url}/`, {
      method: 'POST',
      headers: {
        origin: 'http://localhost:5173',
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: ids.clientId,
        AuthParameters: { USERNAME: 'alice', PASSWORD: 'wrong' },
      }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('x-amzn-errortype')).toBe('NotAuthorizedException');
    expect(await response.json()).toEqual({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });
});
