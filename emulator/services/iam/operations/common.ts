import type { Policy, Role, User } from '@aws-sdk/client-iam';
import { randomUpperId } from '../../../core/ids.js';
import { type AwsManagedPolicy, awsManagedPolicyArn, findAwsManagedPolicy } from '../aws-managed-policies.js';
import { encodeDocument } from '../documents.js';
import { noSuchPolicy, noSuchRole, noSuchUser, ValidationError } from '../errors.js';
import type { ManagedPolicyRecord, PolicyVersionRecord, RoleRecord, UserRecord } from '../storage.js';
import { asNumber } from '../validation.js';
import type { IamContext } from './context.js';

/** IAM's unique ids: a 4-letter type prefix (AROA role, ANPA policy, AIDA user) and 17 upper-case characters. */
export const newId = (prefix: 'AROA' | 'ANPA' | 'AIDA') => `${prefix}${randomUpperId(17)}`;

export function requireRole(ctx: IamContext, name: string | undefined): RoleRecord {
  const role = name ? ctx.iam.roles(ctx.account).get(name.toLowerCase()) : undefined;
  if (!role) throw noSuchRole(name ?? '');
  return role;
}

export function requireUser(ctx: IamContext, name: string | undefined): UserRecord {
  const user = name ? ctx.iam.users(ctx.account).get(name.toLowerCase()) : undefined;
  if (!user) throw noSuchUser(name ?? '');
  return user;
}

/** A role as IAM answers it: trust policy URL-encoded; Tags and RoleLastUsed only where AWS sends them. */
export function roleView(role: RoleRecord, detail: 'full' | 'list' = 'full'): Role {
  return {
    Path: role.Path,
    RoleName: role.RoleName,
    RoleId: role.RoleId,
    Arn: role.Arn,
    CreateDate: new Date(role.CreateDate),
    AssumeRolePolicyDocument: encodeDocument(role.AssumeRolePolicyDocument),
    Description: role.Description,
    MaxSessionDuration: role.MaxSessionDuration,
    Tags: detail === 'full' && role.Tags.length ? role.Tags : undefined,
    RoleLastUsed: detail === 'full' ? {} : undefined,
  };
}

/** A managed policy, customer-managed (stored) or AWS-managed (shipped). */
export interface ResolvedPolicy {
  arn: string;
  name: string;
  path: string;
  id: string;
  description?: string;
  defaultVersionId: string;
  createDate: string;
  updateDate: string;
  versions: PolicyVersionRecord[];
  /** The stored record of a customer-managed policy. */
  record?: ManagedPolicyRecord;
}

function fromAws(policy: AwsManagedPolicy): ResolvedPolicy {
  return {
    arn: awsManagedPolicyArn(policy),
    name: policy.PolicyName,
    path: policy.Path,
    id: policy.PolicyId,
    description: policy.Description,
    defaultVersionId: policy.DefaultVersionId,
    createDate: policy.CreateDate,
    updateDate: policy.UpdateDate,
    versions: [{ VersionId: policy.DefaultVersionId, Document: policy.Document, CreateDate: policy.CreateDate }],
  };
}

export function fromRecord(record: ManagedPolicyRecord): ResolvedPolicy {
  return {
    arn: record.Arn,
    name: record.PolicyName,
    path: record.Path,
    id: record.PolicyId,
    description: record.Description,
    defaultVersionId: record.DefaultVersionId,
    createDate: record.CreateDate,
    updateDate: record.UpdateDate,
    versions: record.versions,
    record,
  };
}

export function findPolicy(ctx: IamContext, arn: string | undefined): ResolvedPolicy | undefined {
  if (!arn) return undefined;
  const aws = findAwsManagedPolicy(arn);
  if (aws) return fromAws(aws);
  const m = /^arn:aws:iam::(\d{12}):policy\/(?:.*\/)?([\w+=,.@-]+)$/.exec(arn);
  if (!m || m[1] !== ctx.account) return undefined;
  const record = ctx.iam.policies(ctx.account).get(m[2]!.toLowerCase());
  return record && record.Arn === arn ? fromRecord(record) : undefined;
}

export function requirePolicy(ctx: IamContext, arn: string | undefined): ResolvedPolicy {
  if (!arn)
    throw new ValidationError(
      "1 validation error detected: Value null at 'policyArn' failed to satisfy constraint: Member must not be null",
    );
  if (!/^arn:aws:iam::(aws|\d{12}):policy\//.test(arn)) throw new ValidationError(`ARN ${arn} is not valid.`);
  const policy = findPolicy(ctx, arn);
  if (!policy) throw noSuchPolicy(arn);
  return policy;
}

export function attachmentCount(ctx: IamContext, arn: string): number {
  const roles = ctx.iam
    .roles(ctx.account)
    .list()
    .filter((role) => role.attachedPolicies.includes(arn)).length;
  const users = ctx.iam
    .users(ctx.account)
    .list()
    .filter((user) => user.attachedPolicies?.includes(arn)).length;
  return roles + users;
}

export function policyView(ctx: IamContext, policy: ResolvedPolicy, withDescription: boolean): Policy {
  return {
    PolicyName: policy.name,
    PolicyId: policy.id,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: attachmentCount(ctx, policy.arn),
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    Description: withDescription ? policy.description : undefined,
    CreateDate: new Date(policy.createDate),
    UpdateDate: new Date(policy.updateDate),
    Tags: withDescription && policy.record?.Tags.length ? policy.record.Tags : undefined,
  };
}

/** IAM's Marker/MaxItems paging (default page of 100). */
export function paginate<T>(
  items: T[],
  marker: string | undefined,
  maxItems: unknown,
): { page: T[]; IsTruncated: boolean; Marker?: string } {
  const max = asNumber(maxItems) ?? 100;
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    throw new ValidationError(
      `1 validation error detected: Value '${String(maxItems)}' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000`,
    );
  }
  const start = marker ? Number(Buffer.from(marker, 'base64').toString('utf8')) : 0;
  if (!Number.isInteger(start) || start < 0) throw new ValidationError('Invalid Marker.');
  const page = items.slice(start, start + max);
  const next = start + page.length;
  const IsTruncated = next < items.length;
  return { page, IsTruncated, Marker: IsTruncated ? Buffer.from(String(next), 'utf8').toString('base64') : undefined };
}

export const byName =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

export function userView(user: UserRecord): User {
  return {
    Path: user.Path,
    UserName: user.UserName,
    UserId: user.UserId,
    Arn: user.Arn,
    CreateDate: new Date(user.CreateDate),
    Tags: user.Tags.length ? user.Tags : undefined,
  };
}
