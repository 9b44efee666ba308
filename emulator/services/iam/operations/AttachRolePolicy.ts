import type { AttachRolePolicyCommandInput, AttachRolePolicyCommandOutput } from '@aws-sdk/client-iam';
import { LimitExceeded } from '../errors.js';
import { requirePolicy, requireRole } from './common.js';
import type { IamContext, Output } from './context.js';

export function AttachRolePolicy(input: AttachRolePolicyCommandInput, ctx: IamContext): Output<AttachRolePolicyCommandOutput> {
  const role = requireRole(ctx, input.RoleName);
  const policy = requirePolicy(ctx, input.PolicyArn);
  if (role.attachedPolicies.includes(policy.arn)) return {};
  if (role.attachedPolicies.length >= 10) throw new LimitExceeded('Cannot exceed quota for PoliciesPerRole: 10');
  ctx.iam.roles(ctx.account).put(role.RoleName.toLowerCase(), { ...role, attachedPolicies: [...role.attachedPolicies, policy.arn] });
  return {};
}
