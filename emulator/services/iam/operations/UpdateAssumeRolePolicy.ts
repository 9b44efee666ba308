import type { UpdateAssumeRolePolicyCommandInput, UpdateAssumeRolePolicyCommandOutput } from '@aws-sdk/client-iam';
import { validateTrustPolicy } from '../documents.js';
import { required } from '../validation.js';
import { requireRole } from './common.js';
import type { IamContext, Output } from './context.js';

export function UpdateAssumeRolePolicy(
  input: UpdateAssumeRolePolicyCommandInput,
  ctx: IamContext,
): Output<UpdateAssumeRolePolicyCommandOutput> {
  const role = requireRole(ctx, input.RoleName);
  const document = required(input.PolicyDocument, 'policyDocument');
  validateTrustPolicy(document);
  ctx.iam.roles(ctx.account).put(role.RoleName.toLowerCase(), { ...role, AssumeRolePolicyDocument: document });
  return {};
}
