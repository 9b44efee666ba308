import type { ListPolicyVersionsCommandInput, ListPolicyVersionsCommandOutput } from '@aws-sdk/client-iam';
import { paginate, requirePolicy } from './common.js';
import type { IamContext, Output } from './context.js';

export function ListPolicyVersions(input: ListPolicyVersionsCommandInput, ctx: IamContext): Output<ListPolicyVersionsCommandOutput> {
  const policy = requirePolicy(ctx, input.PolicyArn);
  const versions = [...policy.versions].reverse().map((v) => ({
    VersionId: v.VersionId,
    IsDefaultVersion: v.VersionId === policy.defaultVersionId,
    CreateDate: new Date(v.CreateDate),
  }));
  const { page, IsTruncated, Marker } = paginate(versions, input.Marker, input.MaxItems);
  return { Versions: page, IsTruncated, Marker };
}
