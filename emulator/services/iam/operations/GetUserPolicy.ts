import type { GetUserPolicyCommandInput, GetUserPolicyCommandOutput } from '@aws-sdk/client-iam';
import { encodeDocument } from '../documents.js';
import { NoSuchEntity } from '../errors.js';
import { requireUser } from './common.js';
import type { IamContext, Output } from './context.js';

export function GetUserPolicy(input: GetUserPolicyCommandInput, ctx: IamContext): Output<GetUserPolicyCommandOutput> {
  const user = requireUser(ctx, input.UserName);
  const name = input.PolicyName ?? '';
  const policies = user.inlinePolicies ?? {};
  const document = Object.hasOwn(policies, name) ? policies[name] : undefined;
  if (document === undefined) throw new NoSuchEntity(`The user policy with name ${name} cannot be found.`);
  return { UserName: user.UserName, PolicyName: name, PolicyDocument: encodeDocument(document) };
}
