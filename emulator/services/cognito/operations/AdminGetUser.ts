import type { AdminGetUserCommandInput, AdminGetUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { type CognitoContext, requirePool } from '../context.js';
import { userNotFound } from '../errors.js';
import { Constraints, checkPoolId, checkUsername } from '../validate.js';
import type { Out } from '../wire.js';

export function AdminGetUser(input: AdminGetUserCommandInput, ctx: CognitoContext): Out<AdminGetUserCommandOutput> {
  const checks = new Constraints();
  checkPoolId(checks, input.UserPoolId);
  checkUsername(checks, input.Username);
  checks.check();
  const user = requirePool(ctx, input.UserPoolId!).findUser(input.Username!);
  if (!user) throw userNotFound();
  return {
    Username: user.Username,
    UserAttributes: user.Attributes,
    UserCreateDate: user.UserCreateDate,
    UserLastModifiedDate: user.UserLastModifiedDate,
    Enabled: user.Enabled,
    UserStatus: user.UserStatus,
  };
}
