import { type EdgeResponse, json } from '../../core/http.js';
import { jwk } from './jwt.js';
import type { CognitoState } from './state.js';
import { issuer } from './tokens.js';

const WELL_KNOWN = /^\/([\w-]+_[0-9a-zA-Z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;

export const isWellKnownPath = (path: string) => WELL_KNOWN.test(path);

/**
 * The public endpoints of a pool that token verifiers fetch without credentials:
 * `/{poolId}/.well-known/jwks.json` and `/{poolId}/.well-known/openid-configuration`.
 */
export function wellKnown(state: CognitoState, path: string, accountHint: string, issuerBase: string): EdgeResponse {
  const [, poolId, document] = WELL_KNOWN.exec(path) as unknown as [string, string, string];
  const scope = state.locatePool(poolId, accountHint);
  const key = scope?.signingKey();
  if (!scope || !key) return json(404, { message: `User pool ${poolId} does not exist.` });
  if (document === 'jwks.json') return json(200, { keys: [jwk(key)] });
  const iss = issuer(issuerBase, poolId);
  return json(200, {
    issuer: iss,
    jwks_uri: `${iss}/.well-known/jwks.json`,
    response_types_supported: ['code', 'token'],
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  });
}
