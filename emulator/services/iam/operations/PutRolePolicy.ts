import type { PutRolePolicyCommandInput, PutRolePolicyCommandOutput } from '@aws-sdk/client-iam';
import { validateIdentityPolicy } from '../documents.js';
import { checkName, required } from '../validation.js';
import { requireRole } from './common.js';
import type { IamContext, Output } from './context.js';

export function PutRolePolicy(input: PutRolePolicyCommandInput, ctx: IamContext): Output<PutRolePolicyCommandOutput> {
  const name = checkName(input.PolicyName, 'policyName', 128);
  const role = requireRole(ctx, input.RoleName);
  const document = required(input.PolicyDocument, 'policyDocument');
  validateIdentityPolicy(document);
  ctx.iam.roles(ctx.account).put(role.RoleName.toLowerCase(), { ...role, inlinePolicies: { ...role.inlinePolicies, [name]: document } });
  return {};
}
