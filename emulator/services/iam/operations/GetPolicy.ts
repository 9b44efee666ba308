import type { GetPolicyCommandInput, GetPolicyCommandOutput } from '@aws-sdk/client-iam';
import { policyView, requirePolicy } from './common.js';
import type { IamContext, Output } from './context.js';

export function GetPolicy(input: GetPolicyCommandInput, ctx: IamContext): Output<GetPolicyCommandOutput> {
  return { Policy: policyView(ctx, requirePolicy(ctx, input.PolicyArn), true) };
}
