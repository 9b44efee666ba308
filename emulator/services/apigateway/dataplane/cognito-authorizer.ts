import type { Authorizer } from '@aws-sdk/client-api-gateway';
import type { Service } from '../../../core/service.js';
import type { TokenVerifier } from '../../cognito/token-verifier.js';
import type { Wire } from '../model.js';
import type { CachedIdentity } from './authorizer-cache.js';
import { GatewayError, type Invocation, unauthorized } from './context.js';
import { logDate } from './execution-log.js';

const configurationError = () =>
  new GatewayError('AUTHORIZER_CONFIGURATION_ERROR', 'Authorizer configuration error', 500, 'AuthorizerConfigurationException');

function tokenFrom(inv: Invocation, identitySource: string | undefined): string | undefined {
  const header = /method\.request\.header\.([^,\s]+)/.exec(identitySource ?? 'method.request.header.Authorization')?.[1];
  const value = header ? inv.request.headers[header.toLowerCase()]?.trim() : undefined;
  // The raw token is what AWS expects; a "Bearer " prefix is tolerated as AWS does.
  return value ? value.replace(/^Bearer\s+/i, '') : undefined;
}

/** The token's exp in epoch ms, unverified (NaN without one). */
function expiryOf(token: string): number {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const hasExpired = (token: string) => expiryOf(token) < Date.now();

/**
 * A COGNITO_USER_POOLS authorizer: the token from the identity source must be signed by one of
 * the pools. Without OAuth scopes on the method it must be an ID token; with scopes, an access
 * token carrying one of them. The integration is never reached when it refuses.
 */
export async function authorizeWithCognito(inv: Invocation, authorizer: Wire<Authorizer>): Promise<void> {
  const token = tokenFrom(inv, authorizer.identitySource);
  if (!token) throw unauthorized();
  if (!inv.services.has('cognito-idp')) throw configurationError();
  const verifier = inv.services.get<Service & Partial<TokenVerifier>>('cognito-idp');
  if (typeof verifier.verify !== 'function') throw configurationError();
  const cacheScope = `${inv.apiId}/${inv.deploymentId}/${authorizer.id}`;
  let verified: CachedIdentity | undefined = inv.authorizerCache?.get(cacheScope, token);
  if (!verified) {
    try {
      verified = await verifier.verify(token, authorizer.providerARNs ?? []);
    } catch {
      verified = undefined;
    }
    if (!verified) throw unauthorized(hasExpired(token) ? 'The incoming token has expired' : 'Unauthorized');
    const identity = { claims: verified.claims, tokenUse: verified.tokenUse };
    inv.authorizerCache?.put(cacheScope, token, identity, authorizer.authorizerResultTtlInSeconds ?? 300, expiryOf(token));
  }
  const scopes = inv.method?.authorizationScopes ?? [];
  if (scopes.length) {
    const granted = String(verified.claims.scope ?? '').split(' ');
    if (verified.tokenUse !== 'access' || !scopes.some((s) => granted.includes(s))) throw unauthorized();
  } else if (verified.tokenUse !== 'id') {
    throw unauthorized();
  }
  if (
    authorizer.identityValidationExpression &&
    !new RegExp(`^(?:${authorizer.identityValidationExpression})$`).test(String(verified.claims.aud ?? ''))
  ) {
    throw unauthorized();
  }
  inv.authorizer = { claims: claimStrings(verified.claims) };
}

/**
 * Claims as a REST API's Cognito authorizer hands them on: every value a string, `exp` and `iat`
 * as dates (`Thu Nov 27 10:04:05 UTC 2025`), lists comma-joined.
 */
function claimStrings(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if ((name === 'exp' || name === 'iat') && typeof value === 'number') out[name] = logDate(value * 1000);
    else if (Array.isArray(value)) out[name] = value.join(',');
    else out[name] = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  }
  return out;
}
