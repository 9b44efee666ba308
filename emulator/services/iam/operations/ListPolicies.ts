import type { ListPoliciesCommandInput, ListPoliciesCommandOutput } from '@aws-sdk/client-iam';
import { AWS_MANAGED_POLICIES, awsManagedPolicyArn } from '../aws-managed-policies.js';
import { asBoolean } from '../validation.js';
import { attachmentCount, byName, findPolicy, fromRecord, paginate, policyView, type ResolvedPolicy } from './common.js';
import type { IamContext, Output } from './context.js';

export function ListPolicies(input: ListPoliciesCommandInput, ctx: IamContext): Output<ListPoliciesCommandOutput> {
  const scope = input.Scope ?? 'All';
  const prefix = input.PathPrefix ?? '/';
  const candidates: ResolvedPolicy[] = [];
  if (scope === 'All' || scope === 'AWS') {
    for (const policy of AWS_MANAGED_POLICIES) candidates.push(findPolicy(ctx, awsManagedPolicyArn(policy))!);
  }
  if (scope === 'All' || scope === 'Local') candidates.push(...ctx.iam.policies(ctx.account).list().map(fromRecord));
  const onlyAttached = asBoolean(input.OnlyAttached) ?? false;
  const selected = candidates
    .filter((policy) => policy.path.startsWith(prefix))
    .filter((policy) => !onlyAttached || attachmentCount(ctx, policy.arn) > 0)
    .sort(byName((policy) => policy.name.toLowerCase()));
  const { page, IsTruncated, Marker } = paginate(selected, input.Marker, input.MaxItems);
  return { Policies: page.map((policy) => policyView(ctx, policy, false)), IsTruncated, Marker };
}
