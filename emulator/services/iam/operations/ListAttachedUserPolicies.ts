import type { ListAttachedUserPoliciesCommandInput, ListAttachedUserPoliciesCommandOutput } from '@aws-sdk/client-iam';
import { findPolicy, paginate, requireUser } from './common.js';
import type { IamContext, Output } from './context.js';

export function ListAttachedUserPolicies(
  input: ListAttachedUserPoliciesCommandInput,
  ctx: IamContext,
): Output<ListAttachedUserPoliciesCommandOutput> {
  const user = requireUser(ctx, input.UserName);
  const prefix = input.PathPrefix ?? '/';
  const attached = (user.attachedPolicies ?? [])
    .flatMap((arn) => findPolicy(ctx, arn) ?? [])
    .filter((policy) => policy.path.startsWith(prefix))
    .map((policy) => ({ PolicyName: policy.name, PolicyArn: policy.arn }));
  const { page, IsTruncated, Marker } = paginate(attached, input.Marker, input.MaxItems);
  return { AttachedPolicies: page, IsTruncated, Marker };
}
