import type { AdminSetUserPasswordCommandInput, AdminSetUserPasswordCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { type CognitoContext, requirePool } from '../context.js';
import { userNotFound } from '../errors.js';
import { requireConforming, setPassword } from '../passwords.js';
import { Constraints, checkPoolId, checkUsername } from '../validate.js';
import { epochSeconds, type Out } from '../wire.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A permanent password confirms the user; a temporary one asks for a new password at the next sign-in. */
export async function AdminSetUserPassword(
  input: AdminSetUserPasswordCommandInput,
  ctx: CognitoContext,
): Promise<Out<AdminSetUserPasswordCommandOutput>> {
  const checks = new Constraints();
  checkPoolId(checks, input.UserPoolId);
  checkUsername(checks, input.Username);
  checks.string(input.Password, 'password', { required: true, max: 256, sensitive: true });
  checks.check();
  const scope = requirePool(ctx, input.UserPoolId!);
  const user = scope.findUser(input.Username!);
  if (!user) throw userNotFound();
  const policy = scope.pool.Policies?.PasswordPolicy;
  requireConforming(input.Password!, policy, 'change');
  await setPassword(scope.id, user, input.Password!);
  if (input.Permanent) {
    user.UserStatus = 'CONFIRMED';
    delete user.temporaryPasswordExpiresAt;
  } else {
    user.UserStatus = 'FORCE_CHANGE_PASSWORD';
    user.temporaryPasswordExpiresAt = Date.now() + (policy?.TemporaryPasswordValidityDays ?? 7) * DAY_MS;
  }
  delete user.signUpCode;
  user.UserLastModifiedDate = epochSeconds();
  scope.putUser(user);
  return {};
}
