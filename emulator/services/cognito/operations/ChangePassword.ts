import type { ChangePasswordCommandInput, ChangePasswordCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context.js';
import { INCORRECT_CREDENTIALS, NotAuthorizedException } from '../errors.js';
import { passwordMatches, requireConforming, setPassword } from '../passwords.js';
import { checkAccessToken, userOfAccessToken } from '../users.js';
import { Constraints } from '../validate.js';
import { epochSeconds, type Out } from '../wire.js';

export async function ChangePassword(input: ChangePasswordCommandInput, ctx: CognitoContext): Promise<Out<ChangePasswordCommandOutput>> {
  const checks = new Constraints();
  checks.string(input.PreviousPassword, 'previousPassword', { max: 256, sensitive: true });
  checks.string(input.ProposedPassword, 'proposedPassword', { required: true, max: 256, sensitive: true });
  checkAccessToken(checks, input.AccessToken);
  checks.check();
  const { scope, user } = userOfAccessToken(ctx, input.AccessToken);
  requireConforming(input.ProposedPassword!, scope.pool.Policies?.PasswordPolicy, 'change');
  if (!(await passwordMatches(input.PreviousPassword ?? '', user.passwordHash))) throw new NotAuthorizedException(INCORRECT_CREDENTIALS);
  await setPassword(scope.id, user, input.ProposedPassword!);
  user.UserLastModifiedDate = epochSeconds();
  scope.putUser(user);
  return {};
}
