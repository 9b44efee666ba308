import { AwsError } from '../../../core/errors.js';
import type { ManagedPolicyRecord } from '../storage.js';
import { requirePolicy } from './common.js';
import type { IamContext } from './context.js';

/** A policy this account owns; AWS managed policies cannot be changed. */
export function requireCustomerPolicy(ctx: IamContext, arn: string | undefined, action: string): ManagedPolicyRecord {
  const policy = requirePolicy(ctx, arn);
  if (!policy.record) {
    throw new AwsError(
      'AccessDenied',
      `User: arn:aws:iam::${ctx.account}:root is not authorized to perform: iam:${action} on resource: policy ${policy.arn}`,
      403,
    );
  }
  return policy.record;
}
