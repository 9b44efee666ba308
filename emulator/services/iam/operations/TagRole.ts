import type { TagRoleCommandInput, TagRoleCommandOutput } from '@aws-sdk/client-iam';
import { LimitExceeded } from '../errors.js';
import { checkTags, mergeTags } from '../validation.js';
import { requireRole } from './common.js';
import type { IamContext, Output } from './context.js';

export function TagRole(input: TagRoleCommandInput, ctx: IamContext): Output<TagRoleCommandOutput> {
  const role = requireRole(ctx, input.RoleName);
  const tags = mergeTags(role.Tags, checkTags(input.Tags));
  if (tags.length > 50) throw new LimitExceeded('Cannot exceed quota for TagsPerRole: 50');
  ctx.iam.roles(ctx.account).put(role.RoleName.toLowerCase(), { ...role, Tags: tags });
  return {};
}
