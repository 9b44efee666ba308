import { createHash, randomBytes } from 'node:crypto';
import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { uuid } from '../../core/ids.js';
import { InvalidParameterException } from './errors.js';
import { type KeyCache, signJwt } from './jwt.js';
import type { ClientRecord, PoolScope, RefreshTokenRecord, UserRecord } from './state.js';

const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** Seconds a token of this kind lives for this client (AWS's defaults: 60 minutes, 30 days). */
export function tokenLifetime(client: ClientRecord, kind: 'AccessToken' | 'IdToken' | 'RefreshToken'): number {
  const value = client[`${kind}Validity`];
  const unit = client.TokenValidityUnits?.[kind] ?? (kind === 'RefreshToken' ? 'days' : 'hours');
  if (value === undefined || value === null || value === 0) return kind === 'RefreshToken' ? 30 * 86400 : 3600;
  return value * (UNIT_SECONDS[unit] ?? 1);
}

const LIMITS = { AccessToken: [300, 86400], IdToken: [300, 86400], RefreshToken: [3600, 315360000] } as const;

/** Cognito's check of a client's token validity settings. */
export function checkTokenValidity(client: ClientRecord): void {
  for (const kind of ['AccessToken', 'IdToken', 'RefreshToken'] as const) {
    const value = client[`${kind}Validity`];
    if (value === undefined || value === null || value === 0) continue;
    const seconds = tokenLifetime(client, kind);
    if (value < 0 || seconds < LIMITS[kind][0] || seconds > LIMITS[kind][1]) {
      throw new InvalidParameterException('Invalid range for token validity.');
    }
  }
}

export function issuer(edgeUrl: string, poolId: string): string {
  return `${edgeUrl}/${poolId}`;
}

export interface AuthSession {
  originJti: string;
  eventId: string;
  authTime: number;
}

/** The user's attributes as ID token claims: `*_verified` as booleans, everything else as strings. */
function attributeClaims(user: UserRecord): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const { Name, Value } of user.Attributes) {
    if (!Name || Name === 'sub' || Value === undefined) continue;
    claims[Name] = Name.endsWith('_verified') ? Value === 'true' : Value;
  }
  return claims;
}

/** What a PreTokenGeneration trigger asked for: claims to add or override, claims and scopes to leave out. */
export interface TokenOverrides {
  id?: { add?: Record<string, unknown>; suppress?: string[] };
  access?: { add?: Record<string, unknown>; suppress?: string[]; scopesToAdd?: string[]; scopesToSuppress?: string[] };
}

/** Claims a trigger may not change (Cognito ignores or refuses them). */
const RESERVED = new Set([
  'acr',
  'amr',
  'at_hash',
  'aud',
  'auth_time',
  'azp',
  'client_id',
  'cognito:username',
  'event_id',
  'exp',
  'iat',
  'identities',
  'iss',
  'jti',
  'nonce',
  'origin_jti',
  'scope',
  'sub',
  'token_use',
  'username',
  'version',
]);

function applyOverrides(
  claims: Record<string, unknown>,
  change: { add?: Record<string, unknown>; suppress?: string[] } | undefined,
): Record<string, unknown> {
  if (!change) return claims;
  const out = { ...claims };
  for (const name of change.suppress ?? []) if (!RESERVED.has(name)) delete out[name];
  for (const [name, value] of Object.entries(change.add ?? {})) if (!RESERVED.has(name)) out[name] = value;
  return out;
}

function scopes(change: TokenOverrides['access']): string {
  const list = ['aws.cognito.signin.user.admin', ...(change?.scopesToAdd ?? [])].filter(
    (s, i, all) => all.indexOf(s) === i && !(change?.scopesToSuppress ?? []).includes(s),
  );
  return list.join(' ');
}

/** Signs a new ID token and access token for a user signed in through a client. */
export function issueTokens(
  scope: PoolScope,
  client: ClientRecord,
  user: UserRecord,
  session: AuthSession,
  edgeUrl: string,
  keys: KeyCache,
  overrides: TokenOverrides = {},
): { IdToken: string; AccessToken: string; ExpiresIn: number } {
  const record = scope.signingKey();
  if (!record) throw new Error(`user pool ${scope.id} has no signing key`);
  const key = keys.get(scope.keyPath, record);
  const now = Math.floor(Date.now() / 1000);
  const sub = user.Attributes.find((a) => a.Name === 'sub')!.Value!;
  const iss = issuer(edgeUrl, scope.id);
  const { email_verified, ...attributes } = attributeClaims(user);
  const idLifetime = tokenLifetime(client, 'IdToken');
  const accessLifetime = tokenLifetime(client, 'AccessToken');
  const idToken = signJwt(
    applyOverrides(
      {
        sub,
        ...(email_verified === undefined ? {} : { email_verified }),
        iss,
        'cognito:username': user.Username,
        origin_jti: session.originJti,
        aud: client.ClientId,
        event_id: session.eventId,
        token_use: 'id',
        auth_time: session.authTime,
        exp: now + idLifetime,
        iat: now,
        jti: uuid(),
        ...attributes,
      },
      overrides.id,
    ),
    key,
  );
  const accessToken = signJwt(
    applyOverrides(
      {
        sub,
        iss,
        client_id: client.ClientId,
        origin_jti: session.originJti,
        event_id: session.eventId,
        token_use: 'access',
        scope: scopes(overrides.access),
        auth_time: session.authTime,
        exp: now + accessLifetime,
        iat: now,
        jti: uuid(),
        username: user.Username,
      },
      overrides.access,
    ),
    key,
  );
  return { IdToken: idToken, AccessToken: accessToken, ExpiresIn: accessLifetime };
}

/** Refresh tokens are opaque here (AWS's are encrypted JWEs): random bytes, stored only as a hash. */
export const refreshTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export function newRefreshToken(scope: PoolScope, client: ClientRecord, user: UserRecord, session: AuthSession): string {
  const header = Buffer.from(JSON.stringify({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' })).toString('base64url');
  const token = [header, ...[256, 12, 384, 16].map((n) => randomBytes(n).toString('base64url'))].join('.');
  const record: RefreshTokenRecord = {
    username: user.Username,
    clientId: client.ClientId,
    expiresAt: Date.now() + tokenLifetime(client, 'RefreshToken') * 1000,
    ...session,
  };
  scope.putRefreshToken(refreshTokenHash(token), record);
  return token;
}

/** A sign-in: new tokens, a new session and a refresh token, as InitiateAuth returns them. */
export function signIn(
  scope: PoolScope,
  client: ClientRecord,
  user: UserRecord,
  edgeUrl: string,
  keys: KeyCache,
  overrides: TokenOverrides = {},
): AuthenticationResultType {
  const session: AuthSession = { originJti: uuid(), eventId: uuid(), authTime: Math.floor(Date.now() / 1000) };
  const tokens = issueTokens(scope, client, user, session, edgeUrl, keys, overrides);
  return {
    AccessToken: tokens.AccessToken,
    ExpiresIn: tokens.ExpiresIn,
    TokenType: 'Bearer',
    RefreshToken: newRefreshToken(scope, client, user, session),
    IdToken: tokens.IdToken,
  };
}
