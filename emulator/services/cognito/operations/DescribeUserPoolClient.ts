import type { DescribeUserPoolClientCommandInput, DescribeUserPoolClientCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { type CognitoContext, requirePool } from '../context.js';
import { clientNotFound } from '../errors.js';
import { Constraints, checkClientId, checkPoolId } from '../validate.js';
import type { Out } from '../wire.js';

export function DescribeUserPoolClient(
  input: DescribeUserPoolClientCommandInput,
  ctx: CognitoContext,
): Out<DescribeUserPoolClientCommandOutput> {
  const checks = new Constraints();
  checkPoolId(checks, input.UserPoolId);
  checkClientId(checks, input.ClientId);
  checks.check();
  const client = requirePool(ctx, input.UserPoolId!).client(input.ClientId!);
  if (!client) throw clientNotFound(input.ClientId!);
  return { UserPoolClient: client };
}
