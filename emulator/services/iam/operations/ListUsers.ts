import type { ListUsersCommandInput, ListUsersCommandOutput } from '@aws-sdk/client-iam';
import { byName, paginate, userView } from './common.js';
import type { IamContext, Output } from './context.js';

export function ListUsers(input: ListUsersCommandInput, ctx: IamContext): Output<ListUsersCommandOutput> {
  const prefix = input.PathPrefix ?? '/';
  const users = ctx.iam
    .users(ctx.account)
    .list()
    .filter((user) => user.Path.startsWith(prefix))
    .sort(byName((user) => user.UserName.toLowerCase()));
  const { page, IsTruncated, Marker } = paginate(users, input.Marker, input.MaxItems);
  return { Users: page.map((user) => ({ ...userView(user), Tags: undefined })), IsTruncated, Marker };
}
