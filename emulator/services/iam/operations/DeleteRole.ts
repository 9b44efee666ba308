import type { DeleteRoleCommandInput, DeleteRoleCommandOutput } from '@aws-sdk/client-iam';
import { DeleteConflict } from '../errors.js';
import { requireRole } from './common.js';
import type { IamContext, Output } from './context.js';

export function DeleteRole(input: DeleteRoleCommandInput, ctx: IamContext): Output<DeleteRoleCommandOutput> {
  const role = requireRole(ctx, input.RoleName);
  if (role.attachedPolicies.length) throw new DeleteConflict('Cannot delete entity, must detach all policies first.');
  if (Object.keys(role.inlinePolicies).length) throw new DeleteConflict('Cannot delete entity, must delete policies first.');
  ctx.iam.roles(ctx.account).delete(role.RoleName.toLowerCase());
  return {};
}
