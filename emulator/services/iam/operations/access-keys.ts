import { NoSuchEntity } from '../errors.js';
import type { AccessKeyRecord } from '../storage.js';
import { requireUser } from './common.js';
import type { IamContext } from './context.js';

/** A key of this account, of the named user (or of the root when no user is named). */
export function requireAccessKey(ctx: IamContext, accessKeyId: string | undefined, userName: string | undefined): AccessKeyRecord {
  const owner = userName ? requireUser(ctx, userName).UserName : undefined;
  const key = accessKeyId ? ctx.iam.accessKeys(ctx.account).get(accessKeyId) : undefined;
  if (!key || key.UserName !== owner) throw new NoSuchEntity(`The Access Key with id ${accessKeyId} cannot be found.`);
  return key;
}
