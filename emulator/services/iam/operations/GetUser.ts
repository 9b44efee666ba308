import type { GetUserCommandInput, GetUserCommandOutput } from '@aws-sdk/client-iam';
import { requireUser, userView } from './common.js';
import type { IamContext, Output } from './context.js';

/** Without a UserName: the caller, an IAM user when its key belongs to one, else the account's root. */
export function GetUser(input: GetUserCommandInput, ctx: IamContext): Output<GetUserCommandOutput> {
  if (input.UserName) return { User: userView(requireUser(ctx, input.UserName)) };
  const owner = ctx.accessKeyId ? ctx.iam.findAccessKey(ctx.accessKeyId) : undefined;
  if (owner?.key.UserName && owner.account === ctx.account) return { User: userView(requireUser(ctx, owner.key.UserName)) };
  return {
    User: { UserId: ctx.account, Arn: `arn:aws:iam::${ctx.account}:root`, Path: '/', UserName: undefined, CreateDate: new Date(0) },
  };
}
