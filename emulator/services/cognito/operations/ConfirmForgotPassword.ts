import type { ConfirmForgotPasswordCommandInput, ConfirmForgotPasswordCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { type CognitoContext, checkSecretHash, hidesUserExistence, requireClient } from '../context.js';
import { CodeMismatchException, ExpiredCodeException, NotAuthorizedException, UserNotFoundException } from '../errors.js';
import { requireConforming, setPassword } from '../passwords.js';
import { metadataMap, postConfirmation } from '../triggers.js';
import { Constraints, checkClientId, checkUsername } from '../validate.js';
import { epochSeconds, type Out } from '../wire.js';

const MISMATCH = 'Invalid verification code provided, please try again.';

export async function ConfirmForgotPassword(
  input: ConfirmForgotPasswordCommandInput,
  ctx: CognitoContext,
): Promise<Out<ConfirmForgotPasswordCommandOutput>> {
  const checks = new Constraints();
  checkClientId(checks, input.ClientId);
  checkUsername(checks, input.Username);
  checks.string(input.ConfirmationCode, 'confirmationCode', { required: true, min: 1, max: 2048, pattern: /^\S+$/, patternText: '[\\S]+' });
  checks.string(input.Password, 'password', { required: true, max: 256, sensitive: true });
  checks.string(input.SecretHash, 'secretHash', { min: 1, max: 128, sensitive: true });
  checks.check();
  const { scope, client } = requireClient(ctx, input.ClientId!);
  checkSecretHash(client, [input.Username!], input.SecretHash);
  const user = scope.findUser(input.Username!);
  if (!user) {
    throw hidesUserExistence(client)
      ? new CodeMismatchException(MISMATCH)
      : new UserNotFoundException('Username/client id combination not found.');
  }
  if (!user.Enabled) throw new NotAuthorizedException('User is disabled.');
  requireConforming(input.Password!, scope.pool.Policies?.PasswordPolicy, 'change');
  const pending = user.forgotPasswordCode;
  if (!pending) throw new CodeMismatchException(MISMATCH);
  if (pending.expiresAt <= Date.now()) throw new ExpiredCodeException('Invalid code provided, please request a code again.');
  if (pending.code !== input.ConfirmationCode) throw new CodeMismatchException(MISMATCH);
  await setPassword(scope.id, user, input.Password!);
  delete user.forgotPasswordCode;
  if (user.UserStatus === 'RESET_REQUIRED' || user.UserStatus === 'FORCE_CHANGE_PASSWORD') user.UserStatus = 'CONFIRMED';
  delete user.temporaryPasswordExpiresAt;
  user.UserLastModifiedDate = epochSeconds();
  scope.putUser(user);
  await postConfirmation(ctx, scope, user, client.ClientId, metadataMap(input.ClientMetadata), 'PostConfirmation_ConfirmForgotPassword');
  return {};
}
