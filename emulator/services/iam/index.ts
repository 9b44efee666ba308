/**
 * IAM (awsQuery), a global service: state lives under the region `global` whatever region the
 * request was signed for. Roles with trust policies, inline and managed policies (customer
 * managed with versions, and a few AWS managed ones with their real documents, see
 * aws-managed-policies.ts), users and access keys. Policy documents are validated and answered
 * URL-encoded, as AWS does. policy-evaluator.ts evaluates policy documents (S3 uses it for
 * bucket policies).
 *
 * Not yet: enforcement of identity policies on other services' requests, groups, instance
 * profiles, permissions boundaries, user inline/attached policies (PutUserPolicy,
 * AttachUserPolicy), login profiles and MFA, service-linked roles, OIDC/SAML providers, policy
 * simulation, credential reports, account aliases, and access key last-used tracking.
 */

import type { EdgeRequest, EdgeResponse } from '../../core/http.js';
import type { Service, ServiceContext } from '../../core/service.js';
import { operationContext } from '../../protocols/aws-json.js';
import { awsQueryHandler } from '../../protocols/aws-query.js';
import { findAwsManagedPolicy } from './aws-managed-policies.js';
import type { IamContext } from './operations/context.js';
import { OPERATIONS } from './operations/index.js';
import type { PolicyDocument } from './policy-evaluator.js';
import { IamStorage } from './storage.js';

export const IAM_XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';

/** Who a signed request comes from, as STS GetCallerIdentity reports it. */
export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

export interface RoleView {
  roleName: string;
  roleId: string;
  arn: string;
  path: string;
  /** The trust policy as given (decoded JSON text). */
  assumeRolePolicyDocument: string;
}

export class IamService implements Service {
  readonly name = 'iam';
  readonly storage: IamStorage;
  private readonly query: (req: EdgeRequest) => Promise<EdgeResponse>;

  constructor(ctx: ServiceContext) {
    this.storage = new IamStorage(ctx.store);
    this.query = awsQueryHandler<IamContext>({
      serviceName: 'IAM',
      xmlns: IAM_XMLNS,
      operations: OPERATIONS,
      context: (req) => ({ ...operationContext(req), region: 'global', iam: this.storage }),
    });
  }

  handle(req: EdgeRequest): Promise<EdgeResponse> {
    return this.query(req);
  }

  /**
   * Internal API for the edge's SigV4 check: the secret of an access key created through IAM,
   * its account and owner. Undefined for keys IAM does not know.
   */
  secretFor(accessKeyId: string): { secretAccessKey: string; account: string; userName?: string; active: boolean } | undefined {
    const found = this.storage.findAccessKey(accessKeyId);
    if (!found) return undefined;
    return {
      secretAccessKey: found.key.SecretAccessKey,
      account: found.account,
      userName: found.key.UserName,
      active: found.key.Status === 'Active',
    };
  }

  /** Internal API: the principal behind an access key: its IAM user, or the account's root for any other key. */
  identityFor(accessKeyId: string | undefined, account: string): CallerIdentity {
    const found = accessKeyId ? this.storage.findAccessKey(accessKeyId) : undefined;
    if (found?.key.UserName) {
      const user = this.storage.users(found.account).get(found.key.UserName.toLowerCase());
      if (user) return { account: found.account, arn: user.Arn, userId: user.UserId };
    }
    const owner = found?.account ?? account;
    return { account: owner, arn: `arn:aws:iam::${owner}:root`, userId: owner };
  }

  /** Internal API: a role by name or ARN (Lambda checks execution roles with it). */
  findRole(account: string, nameOrArn: string): RoleView | undefined {
    const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(nameOrArn);
    if (m && m[1] !== account) return undefined;
    const role = this.storage.roles(account).get((m ? m[2]! : nameOrArn).toLowerCase());
    if (!role || (m && role.Arn !== nameOrArn)) return undefined;
    return {
      roleName: role.RoleName,
      roleId: role.RoleId,
      arn: role.Arn,
      path: role.Path,
      assumeRolePolicyDocument: role.AssumeRolePolicyDocument,
    };
  }

  /** Internal API: the identity policies in force for a role (inline ones and the default version of attached ones). */
  rolePolicies(account: string, roleName: string): PolicyDocument[] {
    const role = this.storage.roles(account).get(roleName.toLowerCase());
    if (!role) return [];
    const documents = Object.values(role.inlinePolicies);
    for (const arn of role.attachedPolicies) {
      const aws = findAwsManagedPolicy(arn);
      if (aws) {
        documents.push(aws.Document);
        continue;
      }
      const name = arn.split('/').at(-1)!.toLowerCase();
      const record = this.storage.policies(account).get(name);
      const version = record?.versions.find((v) => v.VersionId === record.DefaultVersionId);
      if (version) documents.push(version.Document);
    }
    return documents.map((text) => JSON.parse(text) as PolicyDocument);
  }

  health(): Record<string, unknown> {
    return {};
  }

  async reset(): Promise<void> {
    this.storage.forget();
  }
}
