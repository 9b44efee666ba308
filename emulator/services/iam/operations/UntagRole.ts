import type { UntagRoleCommandInput, UntagRoleCommandOutput } from '@aws-sdk/client-iam';
import { requireRole } from './common.js';
import type { IamContext, Output } from './context.js';

export function UntagRole(input: UntagRoleCommandInput, ctx: IamContext): Output<UntagRoleCommandOutput> {
  const role = requireRole(ctx, input.RoleName);
  const removed = new Set((input.TagKeys ?? []).map((k) => k.toLowerCase()));
  ctx.iam
    .roles(ctx.account)
    .put(role.RoleName.toLowerCase(), { ...role, Tags: role.Tags.filter((t) => !removed.has(t.Key.toLowerCase())) });
  return {};
}
