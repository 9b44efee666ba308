import { decodeJwt, type KeyCache, signatureValid } from './jwt.js';
import type { CognitoState, PoolScope } from './state.js';

export type TokenCheck =
  | { valid: true; scope: PoolScope; claims: Record<string, unknown> }
  | { valid: false; reason: 'invalid' | 'expired' };

const ISSUER = /^https?:\/\/[^/]+\/([\w-]+_[0-9a-zA-Z]+)$/;

/** The pool id a token names as its issuer (`<origin>/<poolId>`), without trusting the token. */
export function issuerPoolId(claims: Record<string, unknown>): string | undefined {
  return typeof claims.iss === 'string' ? ISSUER.exec(claims.iss)?.[1] : undefined;
}

/**
 * Checks a token the pool issued: signature by the pool's key, issuer and expiry. The issuer's
 * origin is not compared with today's edge URL (the port may change across restarts); the pool's
 * key is what vouches for the token.
 */
export function checkToken(token: unknown, findPool: (poolId: string) => PoolScope | undefined, keys: KeyCache): TokenCheck {
  const jwt = decodeJwt(token);
  if (!jwt) return { valid: false, reason: 'invalid' };
  const poolId = issuerPoolId(jwt.payload);
  const scope = poolId ? findPool(poolId) : undefined;
  const record = scope?.signingKey();
  if (!scope || !record || !signatureValid(jwt, keys.get(scope.keyPath, record))) return { valid: false, reason: 'invalid' };
  const exp = jwt.payload.exp;
  if (typeof exp !== 'number') return { valid: false, reason: 'invalid' };
  if (exp * 1000 <= Date.now()) return { valid: false, reason: 'expired' };
  return { valid: true, scope, claims: jwt.payload };
}

/** Finds a pool by the id in a token, in any account (the token alone says which pool). */
export const poolFinder = (state: CognitoState, accountHint: string) => (poolId: string) => state.locatePool(poolId, accountHint);
