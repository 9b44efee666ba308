import { createHmac } from 'node:crypto';
import type { OperationContext } from '../../protocols/aws-json.js';
import type { LambdaInvoker } from '../lambda/invoker.js';
import { clientNotFound, NotAuthorizedException, poolNotFound } from './errors.js';
import type { KeyCache } from './jwt.js';
import type { ClientRecord, CognitoState, PoolScope } from './state.js';

/** What every Cognito operation is given besides its input. */
export interface CognitoContext extends OperationContext {
  state: CognitoState;
  keys: KeyCache;
  /** Base of token issuers and the JWKS URL: the edge's own URL. */
  issuerBase: string;
  log(message: string): void;
  /** The local Lambda, for the pool's triggers; undefined when the Lambda service is not running. */
  lambda: LambdaInvoker | undefined;
  /** The caller's User-Agent, for the triggers' `callerContext.awsSdkVersion`. */
  userAgent: string;
}

/** The pool named by a signed (admin) request: it must live in the caller's account and region. */
export function requirePool(ctx: CognitoContext, poolId: string): PoolScope {
  const scope = ctx.state.pool(ctx.account, ctx.region, poolId);
  if (!scope) throw poolNotFound(poolId);
  return scope;
}

/** The app client of an unauthenticated request (SignUp, InitiateAuth...), wherever it lives. */
export function requireClient(ctx: CognitoContext, clientId: string): { scope: PoolScope; client: ClientRecord } {
  const found = ctx.state.locateClient(clientId, ctx);
  if (!found) throw clientNotFound(clientId);
  return found;
}

export function hidesUserExistence(client: ClientRecord): boolean {
  return client.PreventUserExistenceErrors === 'ENABLED';
}

/** Checks SECRET_HASH for a client that has a secret: Base64(HMAC-SHA256(secret, username + clientId)). */
export function checkSecretHash(client: ClientRecord, usernames: string[], secretHash: unknown): void {
  if (!client.ClientSecret) return;
  if (typeof secretHash !== 'string' || secretHash === '') {
    throw new NotAuthorizedException(`Client ${client.ClientId} is configured for secret but secret was not received`);
  }
  const ok = usernames.some(
    (name) =>
      createHmac('sha256', client.ClientSecret!)
        .update(name + client.ClientId)
        .digest('base64') === secretHash,
  );
  if (!ok) throw new NotAuthorizedException(`Unable to verify secret hash for client ${client.ClientId}`);
}
