import { findAwsManagedPolicy } from './aws-managed-policies.js';
import type { PolicyDocument } from './policy-evaluator.js';
import type { IamStorage } from './storage.js';

/** Who signed a request, as IAM sees it. */
export interface CallerPrincipal {
  kind: 'root' | 'user' | 'assumed-role';
  account: string;
  /** arn:aws:iam::A:root, arn:aws:iam::A:user/NAME or arn:aws:sts::A:assumed-role/ROLE/SESSION */
  arn: string;
  /** The account id for root, AIDA... for a user, AROA...:SESSION for a role session. */
  userId: string;
  userName?: string;
  /** For a role session: the role, which resource and trust policies may name instead of the session. */
  roleArn?: string;
  roleName?: string;
  /** For a role session: the session policy given to AssumeRole, if any. */
  sessionPolicy?: PolicyDocument;
  /** For a role session assumed with another role session's credentials. */
  chained?: boolean;
}

/**
 * The principal behind an access key: an IAM user, a role session (expired or not: the signature
 * check refuses expired credentials), or the root of the key's account (any other key).
 */
export function principalFor(storage: IamStorage, accessKeyId: string | undefined, account: string): CallerPrincipal {
  if (accessKeyId?.startsWith('ASIA')) {
    const found = storage.findSession(accessKeyId);
    if (found) {
      const { session } = found;
      return {
        kind: 'assumed-role',
        account: found.account,
        arn: session.AssumedRoleArn,
        userId: `${session.RoleId}:${session.SessionName}`,
        roleArn: session.RoleArn,
        roleName: session.RoleName,
        ...(session.Policy ? { sessionPolicy: JSON.parse(session.Policy) as PolicyDocument } : {}),
        chained: session.Chained,
      };
    }
  }
  const found = accessKeyId ? storage.findAccessKey(accessKeyId) : undefined;
  if (found?.key.UserName) {
    const user = storage.users(found.account).get(found.key.UserName.toLowerCase());
    if (user) return { kind: 'user', account: found.account, arn: user.Arn, userId: user.UserId, userName: user.UserName };
  }
  const owner = found?.account ?? account;
  return { kind: 'root', account: owner, arn: `arn:aws:iam::${owner}:root`, userId: owner };
}

/** The documents of managed policies by ARN: AWS managed ones from their catalogue, customer ones at their default version. */
function managedDocuments(storage: IamStorage, account: string, arns: string[]): string[] {
  const documents: string[] = [];
  for (const arn of arns) {
    const aws = findAwsManagedPolicy(arn);
    if (aws) {
      documents.push(aws.Document);
      continue;
    }
    const name = arn.split('/').at(-1)!.toLowerCase();
    const record = storage.policies(account).get(name);
    const version = record?.versions.find((v) => v.VersionId === record.DefaultVersionId);
    if (version) documents.push(version.Document);
  }
  return documents;
}

/** The identity policies in force for a role (inline ones, then attached ones); none for a role that does not exist. */
export function rolePolicies(storage: IamStorage, account: string, roleName: string): PolicyDocument[] {
  const role = storage.roles(account).get(roleName.toLowerCase());
  if (!role) return [];
  const documents = [...Object.values(role.inlinePolicies), ...managedDocuments(storage, account, role.attachedPolicies)];
  return documents.map((text) => JSON.parse(text) as PolicyDocument);
}

/** The identity policies in force for a user (inline ones, then attached ones). */
export function userPolicies(storage: IamStorage, account: string, userName: string): PolicyDocument[] {
  const user = storage.users(account).get(userName.toLowerCase());
  if (!user) return [];
  const documents = [...Object.values(user.inlinePolicies ?? {}), ...managedDocuments(storage, account, user.attachedPolicies ?? [])];
  return documents.map((text) => JSON.parse(text) as PolicyDocument);
}

/** The identity policies of a principal: none for root, which IAM policies do not restrict. */
export function identityPolicies(storage: IamStorage, principal: CallerPrincipal): PolicyDocument[] {
  if (principal.kind === 'assumed-role') return rolePolicies(storage, principal.account, principal.roleName!);
  if (principal.kind === 'user') return userPolicies(storage, principal.account, principal.userName!);
  return [];
}
