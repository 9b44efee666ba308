import type { AttachUserPolicyCommandInput, AttachUserPolicyCommandOutput } from '@aws-sdk/client-iam';
import { LimitExceeded } from '../errors.js';
import { requirePolicy, requireUser } from './common.js';
import type { IamContext, Output } from './context.js';

export function AttachUserPolicy(input: AttachUserPolicyCommandInput, ctx: IamContext): Output<AttachUserPolicyCommandOutput> {
  const user = requireUser(ctx, input.UserName);
  const policy = requirePolicy(ctx, input.PolicyArn);
  const attached = user.attachedPolicies ?? [];
  if (attached.includes(policy.arn)) return {};
  if (attached.length >= 10) throw new LimitExceeded('Cannot exceed quota for PoliciesPerUser: 10');
  ctx.iam.users(ctx.account).put(user.UserName.toLowerCase(), { ...user, attachedPolicies: [...attached, policy.arn] });
  return {};
}
