import type { AdminConfirmSignUpCommandInput, AdminConfirmSignUpCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { type CognitoContext, requirePool } from '../context.js';
import { NotAuthorizedException, userNotFound } from '../errors.js';
import { metadataMap, NO_CLIENT, postConfirmation } from '../triggers.js';
import { Constraints, checkPoolId, checkUsername } from '../validate.js';
import { epochSeconds, type Out } from '../wire.js';

/** Confirms without a code; unlike ConfirmSignUp it verifies no email or phone number. */
export async function AdminConfirmSignUp(
  input: AdminConfirmSignUpCommandInput,
  ctx: CognitoContext,
): Promise<Out<AdminConfirmSignUpCommandOutput>> {
  const checks = new Constraints();
  checkPoolId(checks, input.UserPoolId);
  checkUsername(checks, input.Username);
  checks.check();
  const scope = requirePool(ctx, input.UserPoolId!);
  const user = scope.findUser(input.Username!);
  if (!user) throw userNotFound();
  if (user.UserStatus !== 'UNCONFIRMED') throw new NotAuthorizedException(`User cannot be confirmed. Current status is ${user.UserStatus}`);
  user.UserStatus = 'CONFIRMED';
  delete user.signUpCode;
  user.UserLastModifiedDate = epochSeconds();
  scope.putUser(user);
  await postConfirmation(ctx, scope, user, NO_CLIENT, metadataMap(input.ClientMetadata));
  return {};
}
