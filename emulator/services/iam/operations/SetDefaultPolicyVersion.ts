import type { SetDefaultPolicyVersionCommandInput, SetDefaultPolicyVersionCommandOutput } from '@aws-sdk/client-iam';
import { NoSuchEntity } from '../errors.js';
import type { IamContext, Output } from './context.js';
import { requireCustomerPolicy } from './customer-policy.js';

export function SetDefaultPolicyVersion(
  input: SetDefaultPolicyVersionCommandInput,
  ctx: IamContext,
): Output<SetDefaultPolicyVersionCommandOutput> {
  const record = requireCustomerPolicy(ctx, input.PolicyArn, 'SetDefaultPolicyVersion');
  if (!record.versions.some((v) => v.VersionId === input.VersionId)) {
    throw new NoSuchEntity(`Policy ${record.Arn} version ${input.VersionId} does not exist or is not attachable.`);
  }
  ctx.iam.policies(ctx.account).put(record.PolicyName.toLowerCase(), {
    ...record,
    DefaultVersionId: input.VersionId!,
    UpdateDate: new Date().toISOString(),
  });
  return {};
}
