import type { DeleteUserPoolClientCommandInput, DeleteUserPoolClientCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { type CognitoContext, requirePool } from '../context.js';
import { clientNotFound } from '../errors.js';
import { Constraints, checkClientId, checkPoolId } from '../validate.js';
import type { Out } from '../wire.js';

export function DeleteUserPoolClient(input: DeleteUserPoolClientCommandInput, ctx: CognitoContext): Out<DeleteUserPoolClientCommandOutput> {
  const checks = new Constraints();
  checkPoolId(checks, input.UserPoolId);
  checkClientId(checks, input.ClientId);
  checks.check();
  const scope = requirePool(ctx, input.UserPoolId!);
  if (!scope.client(input.ClientId!)) throw clientNotFound(input.ClientId!);
  scope.deleteClient(input.ClientId!);
  return {};
}
