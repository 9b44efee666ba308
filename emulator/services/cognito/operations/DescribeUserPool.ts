import type { DescribeUserPoolCommandInput, DescribeUserPoolCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { type CognitoContext, requirePool } from '../context.js';
import { describePool } from '../pool-config.js';
import { Constraints, checkPoolId } from '../validate.js';
import type { Out } from '../wire.js';

export function DescribeUserPool(input: DescribeUserPoolCommandInput, ctx: CognitoContext): Out<DescribeUserPoolCommandOutput> {
  const checks = new Constraints();
  checkPoolId(checks, input.UserPoolId);
  checks.check();
  return { UserPool: describePool(requirePool(ctx, input.UserPoolId!)) };
}
