import type { UserType } from '@aws-sdk/client-cognito-identity-provider';
import { checkToken, poolFinder } from './access-tokens.js';
import type { CognitoContext } from './context.js';
import { NotAuthorizedException, userNotFound } from './errors.js';
import type { PoolScope, UserRecord } from './state.js';
import type { Constraints } from './validate.js';
import type { Wire } from './wire.js';

/** A user as ListUsers lists them (AdminGetUser names the attributes `UserAttributes`). */
export function userView(user: UserRecord, attributesToGet?: string[]): Wire<UserType> {
  return {
    Username: user.Username,
    Attributes: attributesToGet ? user.Attributes.filter((a) => attributesToGet.includes(a.Name!)) : user.Attributes,
    UserCreateDate: user.UserCreateDate,
    UserLastModifiedDate: user.UserLastModifiedDate,
    Enabled: user.Enabled,
    UserStatus: user.UserStatus,
  };
}

/** The user an access token was issued to; NotAuthorizedException as Cognito words it when the token will not do. */
export function userOfAccessToken(ctx: CognitoContext, token: unknown): { scope: PoolScope; user: UserRecord; clientId: string } {
  const check = checkToken(token, poolFinder(ctx.state, ctx.account), ctx.keys);
  if (!check.valid) throw new NotAuthorizedException(check.reason === 'expired' ? 'Access Token has expired' : 'Invalid Access Token');
  if (check.claims.token_use !== 'access' || typeof check.claims.username !== 'string')
    throw new NotAuthorizedException('Invalid Access Token');
  if (typeof check.claims.origin_jti === 'string' && check.scope.sessionRevoked(check.claims.origin_jti)) {
    throw new NotAuthorizedException('Access Token has been revoked');
  }
  const user = check.scope.user(check.claims.username);
  if (!user) throw userNotFound();
  if (!user.Enabled) throw new NotAuthorizedException('User is disabled.');
  return { scope: check.scope, user, clientId: String(check.claims.client_id ?? '') };
}

/** The model's check of an AccessToken member. */
export function checkAccessToken(checks: Constraints, value: unknown): void {
  checks.string(value, 'accessToken', { required: true, pattern: /^[A-Za-z0-9-_=.]+$/, patternText: '[A-Za-z0-9-_=.]+', sensitive: true });
}
