import type { GetCallerIdentityCommandInput, GetCallerIdentityCommandOutput } from '@aws-sdk/client-sts';
import { MissingAuthenticationToken } from '../errors.js';
import type { Output, StsContext } from './context.js';

/** The caller: the account's root, the IAM user behind an IAM access key, or the role session behind temporary credentials. */
export function GetCallerIdentity(_input: GetCallerIdentityCommandInput, ctx: StsContext): Output<GetCallerIdentityCommandOutput> {
  if (!ctx.accessKeyId) throw new MissingAuthenticationToken('Request is missing Authentication Token');
  const identity = ctx.iam?.identityFor(ctx.accessKeyId, ctx.account) ?? {
    account: ctx.account,
    arn: `arn:aws:iam::${ctx.account}:root`,
    userId: ctx.account,
  };
  return { UserId: identity.userId, Account: identity.account, Arn: identity.arn };
}
