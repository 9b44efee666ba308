import { randomBytes } from 'node:crypto';
import type { CreateAccessKeyCommandInput, CreateAccessKeyCommandOutput } from '@aws-sdk/client-iam';
import { randomUpperId } from '../../../core/ids.js';
import { LimitExceeded } from '../errors.js';
import type { AccessKeyRecord } from '../storage.js';
import { requireUser } from './common.js';
import type { IamContext, Output } from './context.js';

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function newSecret(): string {
  return [...randomBytes(40)].map((b) => SECRET_ALPHABET[b % SECRET_ALPHABET.length]).join('');
}

/** Without a UserName the key belongs to the account's root, like a key created by the root user. */
export function CreateAccessKey(input: CreateAccessKeyCommandInput, ctx: IamContext): Output<CreateAccessKeyCommandOutput> {
  const userName = input.UserName ? requireUser(ctx, input.UserName).UserName : undefined;
  const existing = ctx.iam
    .accessKeys(ctx.account)
    .list()
    .filter((key) => key.UserName === userName);
  if (existing.length >= 2) throw new LimitExceeded('Cannot exceed quota for AccessKeysPerUser: 2');
  const key: AccessKeyRecord = {
    AccessKeyId: `AKIA${randomUpperId(16)}`,
    SecretAccessKey: newSecret(),
    UserName: userName,
    Status: 'Active',
    CreateDate: new Date().toISOString(),
  };
  ctx.iam.saveAccessKey(ctx.account, key);
  return {
    AccessKey: { ...key, CreateDate: new Date(key.CreateDate), UserName: key.UserName } as CreateAccessKeyCommandOutput['AccessKey'],
  };
}
