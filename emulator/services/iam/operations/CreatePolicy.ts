import type { CreatePolicyCommandInput, CreatePolicyCommandOutput } from '@aws-sdk/client-iam';
import { validateIdentityPolicy } from '../documents.js';
import { EntityAlreadyExists } from '../errors.js';
import type { ManagedPolicyRecord } from '../storage.js';
import { checkName, checkPath, checkTags, required } from '../validation.js';
import { fromRecord, newId, policyView } from './common.js';
import type { IamContext, Output } from './context.js';

export function CreatePolicy(input: CreatePolicyCommandInput, ctx: IamContext): Output<CreatePolicyCommandOutput> {
  const name = checkName(input.PolicyName, 'policyName', 128);
  const path = checkPath(input.Path);
  const document = required(input.PolicyDocument, 'policyDocument');
  validateIdentityPolicy(document);
  const tags = checkTags(input.Tags);
  const policies = ctx.iam.policies(ctx.account);
  if (policies.get(name.toLowerCase()))
    throw new EntityAlreadyExists(`A policy called ${name} already exists. Duplicate names are not allowed.`);
  const now = new Date().toISOString();
  const record: ManagedPolicyRecord = {
    PolicyName: name,
    PolicyId: newId('ANPA'),
    Arn: `arn:aws:iam::${ctx.account}:policy${path}${name}`,
    Path: path,
    Description: input.Description,
    CreateDate: now,
    UpdateDate: now,
    DefaultVersionId: 'v1',
    versions: [{ VersionId: 'v1', Document: document, CreateDate: now }],
    nextVersion: 2,
    Tags: tags,
  };
  policies.put(name.toLowerCase(), record);
  return { Policy: { ...policyView(ctx, fromRecord(record), false), Tags: tags.length ? tags : undefined } };
}
