import type { DeletePolicyCommandInput, DeletePolicyCommandOutput } from '@aws-sdk/client-iam';
import { DeleteConflict } from '../errors.js';
import { attachmentCount } from './common.js';
import type { IamContext, Output } from './context.js';
import { requireCustomerPolicy } from './customer-policy.js';

export function DeletePolicy(input: DeletePolicyCommandInput, ctx: IamContext): Output<DeletePolicyCommandOutput> {
  const record = requireCustomerPolicy(ctx, input.PolicyArn, 'DeletePolicy');
  if (attachmentCount(ctx, record.Arn) > 0) throw new DeleteConflict('Cannot delete a policy attached to entities.');
  if (record.versions.length > 1) {
    throw new DeleteConflict(
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    );
  }
  ctx.iam.policies(ctx.account).delete(record.PolicyName.toLowerCase());
  return {};
}
