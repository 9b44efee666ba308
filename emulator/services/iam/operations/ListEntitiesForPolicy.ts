import type { ListEntitiesForPolicyCommandInput, ListEntitiesForPolicyCommandOutput } from '@aws-sdk/client-iam';
import { byName, requirePolicy } from './common.js';
import type { IamContext, Output } from './context.js';

/** Roles only: users and groups cannot have managed policies attached here yet. */
export function ListEntitiesForPolicy(
  input: ListEntitiesForPolicyCommandInput,
  ctx: IamContext,
): Output<ListEntitiesForPolicyCommandOutput> {
  const policy = requirePolicy(ctx, input.PolicyArn);
  const roles =
    input.EntityFilter && input.EntityFilter !== 'Role'
      ? []
      : ctx.iam
          .roles(ctx.account)
          .list()
          .filter((role) => role.attachedPolicies.includes(policy.arn))
          .sort(byName((role) => role.RoleName.toLowerCase()))
          .map((role) => ({ RoleName: role.RoleName, RoleId: role.RoleId }));
  return { PolicyRoles: roles, PolicyUsers: [], PolicyGroups: [], IsTruncated: false };
}
