import type { GetPolicyVersionCommandInput, GetPolicyVersionCommandOutput } from '@aws-sdk/client-iam';
import { encodeDocument } from '../documents.js';
import { NoSuchEntity } from '../errors.js';
import { requirePolicy } from './common.js';
import type { IamContext, Output } from './context.js';

export function GetPolicyVersion(input: GetPolicyVersionCommandInput, ctx: IamContext): Output<GetPolicyVersionCommandOutput> {
  const policy = requirePolicy(ctx, input.PolicyArn);
  const version = policy.versions.find((v) => v.VersionId === input.VersionId);
  if (!version) throw new NoSuchEntity(`Policy ${policy.arn} version ${input.VersionId} does not exist or is not attachable.`);
  return {
    PolicyVersion: {
      Document: encodeDocument(version.Document),
      VersionId: version.VersionId,
      IsDefaultVersion: version.VersionId === policy.defaultVersionId,
      CreateDate: new Date(version.CreateDate),
    },
  };
}
