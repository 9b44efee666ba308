import type { AdminUserGlobalSignOutCommandInput, AdminUserGlobalSignOutCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { type CognitoContext, requirePool } from '../context.js';
import { userNotFound } from '../errors.js';
import { Constraints, checkPoolId, checkUsername } from '../validate.js';
import type { Out } from '../wire.js';

export function AdminUserGlobalSignOut(
  input: AdminUserGlobalSignOutCommandInput,
  ctx: CognitoContext,
): Out<AdminUserGlobalSignOutCommandOutput> {
  const checks = new Constraints();
  checkPoolId(checks, input.UserPoolId);
  checkUsername(checks, input.Username);
  checks.check();
  const scope = requirePool(ctx, input.UserPoolId!);
  const user = scope.findUser(input.Username!);
  if (!user) throw userNotFound();
  scope.revokeUserSessions(user.Username);
  return {};
}
