import type { DeleteRolePolicyCommandInput, DeleteRolePolicyCommandOutput } from '@aws-sdk/client-iam';
import { NoSuchEntity } from '../errors.js';
import { requireRole } from './common.js';
import type { IamContext, Output } from './context.js';

export function DeleteRolePolicy(input: DeleteRolePolicyCommandInput, ctx: IamContext): Output<DeleteRolePolicyCommandOutput> {
  const role = requireRole(ctx, input.RoleName);
  const name = input.PolicyName ?? '';
  if (!Object.hasOwn(role.inlinePolicies, name)) throw new NoSuchEntity(`The role policy with name ${name} cannot be found.`);
  const { [name]: _removed, ...rest } = role.inlinePolicies;
  ctx.iam.roles(ctx.account).put(role.RoleName.toLowerCase(), { ...role, inlinePolicies: rest });
  return {};
}
