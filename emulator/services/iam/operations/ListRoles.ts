import type { ListRolesCommandInput, ListRolesCommandOutput } from '@aws-sdk/client-iam';
import { byName, paginate, roleView } from './common.js';
import type { IamContext, Output } from './context.js';

export function ListRoles(input: ListRolesCommandInput, ctx: IamContext): Output<ListRolesCommandOutput> {
  const prefix = input.PathPrefix ?? '/';
  const roles = ctx.iam
    .roles(ctx.account)
    .list()
    .filter((role) => role.Path.startsWith(prefix))
    .sort(byName((role) => role.RoleName.toLowerCase()));
  const { page, IsTruncated, Marker } = paginate(roles, input.Marker, input.MaxItems);
  return { Roles: page.map((role) => roleView(role, 'list')), IsTruncated, Marker };
}
