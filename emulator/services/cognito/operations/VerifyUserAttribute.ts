import type { VerifyUserAttributeCommandInput, VerifyUserAttributeCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context.js';
import { CodeMismatchException, ExpiredCodeException } from '../errors.js';
import { setAttribute } from '../state.js';
import { checkAccessToken, userOfAccessToken } from '../users.js';
import { Constraints } from '../validate.js';
import { epochSeconds, type Out } from '../wire.js';

export function VerifyUserAttribute(input: VerifyUserAttributeCommandInput, ctx: CognitoContext): Out<VerifyUserAttributeCommandOutput> {
  const checks = new Constraints();
  checkAccessToken(checks, input.AccessToken);
  checks.string(input.AttributeName, 'attributeName', { required: true, min: 1, max: 32, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u });
  checks.string(input.Code, 'code', { required: true, min: 1, max: 2048, pattern: /^\S+$/, patternText: '[\\S]+' });
  checks.check();
  const { scope, user } = userOfAccessToken(ctx, input.AccessToken);
  const name = input.AttributeName as 'email' | 'phone_number';
  const pending = user.attributeCodes?.[name];
  if (!pending) throw new CodeMismatchException('Invalid verification code provided, please try again.');
  if (pending.expiresAt <= Date.now()) throw new ExpiredCodeException('Invalid code provided, please request a code again.');
  if (pending.code !== input.Code) throw new CodeMismatchException('Invalid verification code provided, please try again.');
  if (pending.value !== undefined) setAttribute(user, name, pending.value);
  setAttribute(user, `${name}_verified`, 'true');
  const { [name]: _done, ...rest } = user.attributeCodes ?? {};
  user.attributeCodes = rest;
  user.UserLastModifiedDate = epochSeconds();
  scope.putUser(user);
  return {};
}
