import type { DetachUserPolicyCommandInput, DetachUserPolicyCommandOutput } from '@aws-sdk/client-iam';
import { NoSuchEntity } from '../errors.js';
import { requireUser } from './common.js';
import type { IamContext, Output } from './context.js';

export function DetachUserPolicy(input: DetachUserPolicyCommandInput, ctx: IamContext): Output<DetachUserPolicyCommandOutput> {
  const user = requireUser(ctx, input.UserName);
  const arn = input.PolicyArn ?? '';
  const attached = user.attachedPolicies ?? [];
  if (!attached.includes(arn)) throw new NoSuchEntity(`Policy ${arn} was not found.`);
  ctx.iam.users(ctx.account).put(user.UserName.toLowerCase(), { ...user, attachedPolicies: attached.filter((a) => a !== arn) });
  return {};
}
