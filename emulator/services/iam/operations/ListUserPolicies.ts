import type { ListUserPoliciesCommandInput, ListUserPoliciesCommandOutput } from '@aws-sdk/client-iam';
import { paginate, requireUser } from './common.js';
import type { IamContext, Output } from './context.js';

export function ListUserPolicies(input: ListUserPoliciesCommandInput, ctx: IamContext): Output<ListUserPoliciesCommandOutput> {
  const user = requireUser(ctx, input.UserName);
  const names = Object.keys(user.inlinePolicies ?? {}).sort();
  const { page, IsTruncated, Marker } = paginate(names, input.Marker, input.MaxItems);
  return { PolicyNames: page, IsTruncated, Marker };
}
