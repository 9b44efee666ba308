import type { GetRolePolicyCommandInput, GetRolePolicyCommandOutput } from '@aws-sdk/client-iam';
import { encodeDocument } from '../documents.js';
import { NoSuchEntity } from '../errors.js';
import { requireRole } from './common.js';
import type { IamContext, Output } from './context.js';

export function GetRolePolicy(input: GetRolePolicyCommandInput, ctx: IamContext): Output<GetRolePolicyCommandOutput> {
  const role = requireRole(ctx, input.RoleName);
  const name = input.PolicyName ?? '';
  const document = Object.hasOwn(role.inlinePolicies, name) ? role.inlinePolicies[name] : undefined;
  if (document === undefined) throw new NoSuchEntity(`The role policy with name ${name} cannot be found.`);
  return { RoleName: role.RoleName, PolicyName: name, PolicyDocument: encodeDocument(document) };
}
