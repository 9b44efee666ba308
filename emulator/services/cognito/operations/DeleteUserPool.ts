import type { DeleteUserPoolCommandInput, DeleteUserPoolCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { type CognitoContext, requirePool } from '../context.js';
import { InvalidParameterException } from '../errors.js';
import { Constraints, checkPoolId } from '../validate.js';
import type { Out } from '../wire.js';

export function DeleteUserPool(input: DeleteUserPoolCommandInput, ctx: CognitoContext): Out<DeleteUserPoolCommandOutput> {
  const checks = new Constraints();
  checkPoolId(checks, input.UserPoolId);
  checks.check();
  const scope = requirePool(ctx, input.UserPoolId!);
  if (scope.pool.DeletionProtection === 'ACTIVE') {
    throw new InvalidParameterException(
      'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.',
    );
  }
  scope.delete();
  ctx.keys.clear();
  return {};
}
