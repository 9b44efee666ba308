import type { ListAttachedRolePoliciesCommandInput, ListAttachedRolePoliciesCommandOutput } from '@aws-sdk/client-iam';
import { findPolicy, paginate, requireRole } from './common.js';
import type { IamContext, Output } from './context.js';

export function ListAttachedRolePolicies(
  input: ListAttachedRolePoliciesCommandInput,
  ctx: IamContext,
): Output<ListAttachedRolePoliciesCommandOutput> {
  const role = requireRole(ctx, input.RoleName);
  const prefix = input.PathPrefix ?? '/';
  const attached = role.attachedPolicies
    .flatMap((arn) => findPolicy(ctx, arn) ?? [])
    .filter((policy) => policy.path.startsWith(prefix))
    .map((policy) => ({ PolicyName: policy.name, PolicyArn: policy.arn }));
  const { page, IsTruncated, Marker } = paginate(attached, input.Marker, input.MaxItems);
  return { AttachedPolicies: page, IsTruncated, Marker };
}
