import type { CreatePolicyVersionCommandInput, CreatePolicyVersionCommandOutput } from '@aws-sdk/client-iam';
import { encodeDocument, validateIdentityPolicy } from '../documents.js';
import { LimitExceeded } from '../errors.js';
import { asBoolean, required } from '../validation.js';
import type { IamContext, Output } from './context.js';
import { requireCustomerPolicy } from './customer-policy.js';

export function CreatePolicyVersion(input: CreatePolicyVersionCommandInput, ctx: IamContext): Output<CreatePolicyVersionCommandOutput> {
  const record = requireCustomerPolicy(ctx, input.PolicyArn, 'CreatePolicyVersion');
  const document = required(input.PolicyDocument, 'policyDocument');
  validateIdentityPolicy(document);
  if (record.versions.length >= 5) {
    throw new LimitExceeded(
      'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    );
  }
  const now = new Date().toISOString();
  const version = { VersionId: `v${record.nextVersion}`, Document: document, CreateDate: now };
  const makeDefault = asBoolean(input.SetAsDefault) ?? false;
  ctx.iam.policies(ctx.account).put(record.PolicyName.toLowerCase(), {
    ...record,
    versions: [...record.versions, version],
    nextVersion: record.nextVersion + 1,
    DefaultVersionId: makeDefault ? version.VersionId : record.DefaultVersionId,
    UpdateDate: makeDefault ? now : record.UpdateDate,
  });
  return {
    PolicyVersion: {
      Document: encodeDocument(document),
      VersionId: version.VersionId,
      IsDefaultVersion: makeDefault,
      CreateDate: new Date(now),
    },
  };
}
