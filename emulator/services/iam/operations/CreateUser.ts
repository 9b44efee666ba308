import type { CreateUserCommandInput, CreateUserCommandOutput } from '@aws-sdk/client-iam';
import { EntityAlreadyExists } from '../errors.js';
import type { UserRecord } from '../storage.js';
import { checkName, checkPath, checkTags } from '../validation.js';
import { newId, userView } from './common.js';
import type { IamContext, Output } from './context.js';

export function CreateUser(input: CreateUserCommandInput, ctx: IamContext): Output<CreateUserCommandOutput> {
  const name = checkName(input.UserName, 'userName', 64);
  const path = checkPath(input.Path);
  const tags = checkTags(input.Tags);
  const users = ctx.iam.users(ctx.account);
  if (users.get(name.toLowerCase())) throw new EntityAlreadyExists(`User with name ${name} already exists.`);
  const user: UserRecord = {
    UserName: name,
    UserId: newId('AIDA'),
    Arn: `arn:aws:iam::${ctx.account}:user${path}${name}`,
    Path: path,
    CreateDate: new Date().toISOString(),
    Tags: tags,
  };
  users.put(name.toLowerCase(), user);
  return { User: userView(user) };
}
