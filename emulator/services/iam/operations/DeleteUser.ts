import type { DeleteUserCommandInput, DeleteUserCommandOutput } from '@aws-sdk/client-iam';
import { DeleteConflict } from '../errors.js';
import { requireUser } from './common.js';
import type { IamContext, Output } from './context.js';

export function DeleteUser(input: DeleteUserCommandInput, ctx: IamContext): Output<DeleteUserCommandOutput> {
  const user = requireUser(ctx, input.UserName);
  const hasKeys = ctx.iam
    .accessKeys(ctx.account)
    .list()
    .some((key) => key.UserName === user.UserName);
  if (hasKeys) throw new DeleteConflict('Cannot delete entity, must delete access keys first.');
  if (Object.keys(user.inlinePolicies ?? {}).length) throw new DeleteConflict('Cannot delete entity, must delete policies first.');
  if (user.attachedPolicies?.length) throw new DeleteConflict('Cannot delete entity, must detach all policies first.');
  ctx.iam.users(ctx.account).delete(user.UserName.toLowerCase());
  return {};
}
