import type { PutUserPolicyCommandInput, PutUserPolicyCommandOutput } from '@aws-sdk/client-iam';
import { validateIdentityPolicy } from '../documents.js';
import { checkName, required } from '../validation.js';
import { requireUser } from './common.js';
import type { IamContext, Output } from './context.js';

export function PutUserPolicy(input: PutUserPolicyCommandInput, ctx: IamContext): Output<PutUserPolicyCommandOutput> {
  const name = checkName(input.PolicyName, 'policyName', 128);
  const user = requireUser(ctx, input.UserName);
  const document = required(input.PolicyDocument, 'policyDocument');
  validateIdentityPolicy(document);
  ctx.iam.users(ctx.account).put(user.UserName.toLowerCase(), { ...user, inlinePolicies: { ...user.inlinePolicies, [name]: document } });
  return {};
}
