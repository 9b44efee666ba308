import type { DeleteAccessKeyCommandInput, DeleteAccessKeyCommandOutput } from '@aws-sdk/client-iam';
import { requireAccessKey } from './access-keys.js';
import type { IamContext, Output } from './context.js';

export function DeleteAccessKey(input: DeleteAccessKeyCommandInput, ctx: IamContext): Output<DeleteAccessKeyCommandOutput> {
  const key = requireAccessKey(ctx, input.AccessKeyId, input.UserName);
  ctx.iam.deleteAccessKey(ctx.account, key.AccessKeyId);
  return {};
}
