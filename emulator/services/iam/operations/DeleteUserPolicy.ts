import type { DeleteUserPolicyCommandInput, DeleteUserPolicyCommandOutput } from '@aws-sdk/client-iam';
import { NoSuchEntity } from '../errors.js';
import { requireUser } from './common.js';
import type { IamContext, Output } from './context.js';

export function DeleteUserPolicy(input: DeleteUserPolicyCommandInput, ctx: IamContext): Output<DeleteUserPolicyCommandOutput> {
  const user = requireUser(ctx, input.UserName);
  const name = input.PolicyName ?? '';
  const policies = user.inlinePolicies ?? {};
  if (!Object.hasOwn(policies, name)) throw new NoSuchEntity(`The user policy with name ${name} cannot be found.`);
  const { [name]: _removed, ...rest } = policies;
  ctx.iam.users(ctx.account).put(user.UserName.toLowerCase(), { ...user, inlinePolicies: rest });
  return {};
}
