import type { GetUserCommandInput, GetUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context.js';
import { userOfAccessToken } from '../users.js';
import { Constraints } from '../validate.js';
import type { Out } from '../wire.js';

export function GetUser(input: GetUserCommandInput, ctx: CognitoContext): Out<GetUserCommandOutput> {
  const checks = new Constraints();
  checks.string(input.AccessToken, 'accessToken', {
    required: true,
    pattern: /^[A-Za-z0-9-_=.]+$/,
    patternText: '[A-Za-z0-9-_=.]+',
    sensitive: true,
  });
  checks.check();
  const { user } = userOfAccessToken(ctx, input.AccessToken);
  return { Username: user.Username, UserAttributes: user.Attributes };
}
