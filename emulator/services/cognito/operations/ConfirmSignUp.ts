import type { ConfirmSignUpCommandInput, ConfirmSignUpCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { type CognitoContext, checkSecretHash, hidesUserExistence, requireClient } from '../context.js';
import { CodeMismatchException, ExpiredCodeException, NotAuthorizedException, UserNotFoundException } from '../errors.js';
import { setAttribute } from '../state.js';
import { metadataMap, postConfirmation } from '../triggers.js';
import { Constraints, checkClientId, checkUsername } from '../validate.js';
import { epochSeconds, type Out } from '../wire.js';

const MISMATCH = 'Invalid verification code provided, please try again.';

export async function ConfirmSignUp(input: ConfirmSignUpCommandInput, ctx: CognitoContext): Promise<Out<ConfirmSignUpCommandOutput>> {
  const checks = new Constraints();
  checkClientId(checks, input.ClientId);
  checkUsername(checks, input.Username);
  checks.string(input.ConfirmationCode, 'confirmationCode', { required: true, min: 1, max: 2048, pattern: /^\S+$/, patternText: '[\\S]+' });
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
  if (user.UserStatus !== 'UNCONFIRMED') throw new NotAuthorizedException(`User cannot be confirmed. Current status is ${user.UserStatus}`);
  const pending = user.signUpCode;
  if (!pending || pending.expiresAt <= Date.now()) throw new ExpiredCodeException('Invalid code provided, please request a code again.');
  if (pending.code !== input.ConfirmationCode) throw new CodeMismatchException(MISMATCH);
  user.UserStatus = 'CONFIRMED';
  setAttribute(user, `${pending.attribute}_verified`, 'true');
  delete user.signUpCode;
  user.UserLastModifiedDate = epochSeconds();
  scope.putUser(user);
  await postConfirmation(ctx, scope, user, client.ClientId, metadataMap(input.ClientMetadata));
  return {};
}
