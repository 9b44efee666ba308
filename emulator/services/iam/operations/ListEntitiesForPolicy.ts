import type { ListEntitiesForPolicyCommandInput, ListEntitiesForPolicyCommandOutput } from '@aws-sdk/client-iam';
import { byName, requirePolicy } from './common.js';
import type { IamContext, Output } from './context.js';

/** Roles and users (groups do not exist here yet). */
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
  const users =
    input.EntityFilter && input.EntityFilter !== 'User'
      ? []
      : ctx.iam
          .users(ctx.account)
          .list()
          .filter((user) => user.attachedPolicies?.includes(policy.arn))
          .sort(byName((user) => user.UserName.toLowerCase()))
          .map((user) => ({ UserName: user.UserName, UserId: user.UserId }));
  return { PolicyRoles: roles, PolicyUsers: users, PolicyGroups: [], IsTruncated: false };
}
