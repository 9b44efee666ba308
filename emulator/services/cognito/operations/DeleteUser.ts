import type { DeleteUserCommandInput, DeleteUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context.js';
import { userOfAccessToken } from '../users.js';
import { Constraints } from '../validate.js';
import type { Out } from '../wire.js';

export function DeleteUser(input: DeleteUserCommandInput, ctx: CognitoContext): Out<DeleteUserCommandOutput> {
  const checks = new Constraints();
  checks.string(input.AccessToken, 'accessToken', {
    required: true,
    pattern: /^[A-Za-z0-9-_=.]+$/,
    patternText: '[A-Za-z0-9-_=.]+',
    sensitive: true,
  });
  checks.check();
  const { scope, user } = userOfAccessToken(ctx, input.AccessToken);
  scope.deleteUser(user.Username);
  return {};
}
