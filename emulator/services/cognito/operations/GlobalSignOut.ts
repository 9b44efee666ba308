import type { GlobalSignOutCommandInput, GlobalSignOutCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context.js';
import { checkAccessToken, userOfAccessToken } from '../users.js';
import { Constraints } from '../validate.js';
import type { Out } from '../wire.js';

/** Revokes every refresh token of the user and the access tokens of those sessions (ID tokens stay valid until they expire). */
export function GlobalSignOut(input: GlobalSignOutCommandInput, ctx: CognitoContext): Out<GlobalSignOutCommandOutput> {
  const checks = new Constraints();
  checkAccessToken(checks, input.AccessToken);
  checks.check();
  const { scope, user } = userOfAccessToken(ctx, input.AccessToken);
  scope.revokeUserSessions(user.Username);
  return {};
}
