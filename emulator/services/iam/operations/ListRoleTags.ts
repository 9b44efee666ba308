import type { ListRoleTagsCommandInput, ListRoleTagsCommandOutput } from '@aws-sdk/client-iam';
import { paginate, requireRole } from './common.js';
import type { IamContext, Output } from './context.js';

export function ListRoleTags(input: ListRoleTagsCommandInput, ctx: IamContext): Output<ListRoleTagsCommandOutput> {
  const role = requireRole(ctx, input.RoleName);
  const { page, IsTruncated, Marker } = paginate(role.Tags, input.Marker, input.MaxItems);
  return { Tags: page, IsTruncated, Marker };
}
