import type { DeletePolicyVersionCommandInput, DeletePolicyVersionCommandOutput } from '@aws-sdk/client-iam';
import { DeleteConflict, NoSuchEntity } from '../errors.js';
import type { IamContext, Output } from './context.js';
import { requireCustomerPolicy } from './customer-policy.js';

export function DeletePolicyVersion(input: DeletePolicyVersionCommandInput, ctx: IamContext): Output<DeletePolicyVersionCommandOutput> {
  const record = requireCustomerPolicy(ctx, input.PolicyArn, 'DeletePolicyVersion');
  if (!record.versions.some((v) => v.VersionId === input.VersionId)) {
    throw new NoSuchEntity(`Policy ${record.Arn} version ${input.VersionId} does not exist or is not deletable.`);
  }
  if (record.DefaultVersionId === input.VersionId) throw new DeleteConflict('Cannot delete the default version of a policy.');
  ctx.iam
    .policies(ctx.account)
    .put(record.PolicyName.toLowerCase(), { ...record, versions: record.versions.filter((v) => v.VersionId !== input.VersionId) });
  return {};
}
