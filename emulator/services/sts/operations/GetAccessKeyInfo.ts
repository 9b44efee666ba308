import type { GetAccessKeyInfoCommandInput, GetAccessKeyInfoCommandOutput } from '@aws-sdk/client-sts';
import { constraint } from '../errors.js';
import type { Output, StsContext } from './context.js';

/** The account an access key belongs to: its owner when the local cloud issued it, else the caller's account. */
export function GetAccessKeyInfo(input: GetAccessKeyInfoCommandInput, ctx: StsContext): Output<GetAccessKeyInfoCommandOutput> {
  const key = input.AccessKeyId;
  if (!key) throw constraint(undefined, 'accessKeyId', 'Member must not be null');
  if (key.length < 16 || key.length > 128 || !/^[\w]+$/.test(key)) {
    throw constraint(
      key,
      'accessKeyId',
      key.length < 16 ? 'Member must have length greater than or equal to 16' : 'Member must satisfy regular expression pattern: [\\w]*',
    );
  }
  const owner = ctx.iam?.secretFor(key)?.account ?? ctx.account;
  return { Account: owner };
}
