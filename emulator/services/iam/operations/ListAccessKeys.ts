import type { ListAccessKeysCommandInput, ListAccessKeysCommandOutput } from '@aws-sdk/client-iam';
import { byName, paginate, requireUser } from './common.js';
import type { IamContext, Output } from './context.js';

export function ListAccessKeys(input: ListAccessKeysCommandInput, ctx: IamContext): Output<ListAccessKeysCommandOutput> {
  const owner = input.UserName ? requireUser(ctx, input.UserName).UserName : undefined;
  const keys = ctx.iam
    .accessKeys(ctx.account)
    .list()
    .filter((key) => key.UserName === owner)
    .sort(byName((key) => key.CreateDate))
    .map((key) => ({ UserName: key.UserName, AccessKeyId: key.AccessKeyId, Status: key.Status, CreateDate: new Date(key.CreateDate) }));
  const { page, IsTruncated, Marker } = paginate(keys, input.Marker, input.MaxItems);
  return { AccessKeyMetadata: page, IsTruncated, Marker };
}
