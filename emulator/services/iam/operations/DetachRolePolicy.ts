import type { DetachRolePolicyCommandInput, DetachRolePolicyCommandOutput } from '@aws-sdk/client-iam';
import { NoSuchEntity } from '../errors.js';
import { requireRole } from './common.js';
import type { IamContext, Output } from './context.js';

export function DetachRolePolicy(input: DetachRolePolicyCommandInput, ctx: IamContext): Output<DetachRolePolicyCommandOutput> {
  const role = requireRole(ctx, input.RoleName);
  const arn = input.PolicyArn ?? '';
  if (!role.attachedPolicies.includes(arn)) throw new NoSuchEntity(`Policy ${arn} was not found.`);
  ctx.iam
    .roles(ctx.account)
    .put(role.RoleName.toLowerCase(), { ...role, attachedPolicies: role.attachedPolicies.filter((a) => a !== arn) });
  return {};
}
