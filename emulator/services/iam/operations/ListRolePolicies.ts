import type { ListRolePoliciesCommandInput, ListRolePoliciesCommandOutput } from '@aws-sdk/client-iam';
import { paginate, requireRole } from './common.js';
import type { IamContext, Output } from './context.js';

export function ListRolePolicies(input: ListRolePoliciesCommandInput, ctx: IamContext): Output<ListRolePoliciesCommandOutput> {
  const role = requireRole(ctx, input.RoleName);
  const names = Object.keys(role.inlinePolicies).sort();
  const { page, IsTruncated, Marker } = paginate(names, input.Marker, input.MaxItems);
  return { PolicyNames: page, IsTruncated, Marker };
}
