/**
 * IAM (awsQuery), a global service: state lives under the region `global` whatever region the
 * request was signed for. Roles with trust policies, inline and managed policies (customer
 * managed with versions, and a few AWS managed ones with their real documents, see
 * aws-managed-policies.ts), users with inline and attached policies, access keys, and the role
 * sessions STS issues (sessions.ts). Policy documents are validated and answered URL-encoded, as
 * AWS does. policy-evaluator.ts evaluates policy documents (S3 uses it for bucket policies).
 *
 * For the edge: `secretFor` (the secret, and for sessions the token and expiry, of the keys it
 * issued: the edge verifies their SigV4 signatures) and, with EMULATOR_ENFORCE_IAM=1 (or
 * `startLocalCloud({ enforceIam: true })`), `authorize`: requests signed by an IAM user's key or
 * by role session credentials are evaluated against the principal's identity policies (narrowed
 * by a session policy), S3 bucket policies, Lambda function policies and role trust policies,
 * Deny winning, with each
 * service's AccessDenied error and AWS's message. enforcement/ maps requests to actions and
 * resources for DynamoDB, S3, Cognito user pools, Lambda, CloudWatch Logs, CloudWatch and STS.
 * Lambda functions then run with their execution role's credentials (role-credentials.ts).
 *
 * Not yet: enforcement on requests to IAM itself, API Gateway's control plane, CloudFront and
 * execute-api IAM authorisation (those requests pass), DynamoDB PartiQL and Streams operations
 * (pass), service-specific condition keys (s3:prefix, dynamodb:LeadingKeys...), permissions boundaries,
 * SCPs; the account root (test/test and any key IAM did not issue) is never restricted. Also
 * missing: groups, instance profiles, login profiles and MFA, service-linked roles, OIDC/SAML
 * providers, policy simulation, credential reports, account aliases, user tags, and access key
 * last-used tracking.
 */

import type { AwsError } from '../../core/errors.js';
import type { EdgeRequest, EdgeResponse } from '../../core/http.js';
import type { Service, ServiceContext } from '../../core/service.js';
import type { KnownKey } from '../../core/sigv4-verify.js';
import { operationContext } from '../../protocols/aws-json.js';
import { awsQueryHandler } from '../../protocols/aws-query.js';
import { authorizeRequest } from './enforcement/authorize.js';
import type { IamContext } from './operations/context.js';
import { OPERATIONS } from './operations/index.js';
import { evaluatePolicies, type PolicyDocument } from './policy-evaluator.js';
import { type CallerPrincipal, identityPolicies, principalFor, rolePolicies } from './principals.js';
import { type RoleCredentials, registerIam, roleCredentials } from './role-credentials.js';
import { issueSession, type SessionRequest } from './sessions.js';
import { IamStorage, type SessionRecord } from './storage.js';

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
  maxSessionDuration: number;
}

export class IamService implements Service {
  readonly name = 'iam';
  readonly storage: IamStorage;
  private readonly query: (req: EdgeRequest) => Promise<EdgeResponse>;

  private readonly enforceIam: boolean;

  constructor(private readonly ctx: ServiceContext) {
    this.storage = new IamStorage(ctx.store);
    this.enforceIam = ctx.enforceIam ?? false;
    registerIam(ctx.store, this);
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
   * Internal API for the edge's SigV4 check: the secret of an access key created through IAM or of
   * temporary credentials issued by STS (with their session token and expiry), and its account.
   * Undefined for keys IAM does not know.
   */
  secretFor(accessKeyId: string): (KnownKey & { userName?: string }) | undefined {
    if (accessKeyId.startsWith('ASIA')) {
      const session = this.storage.findSession(accessKeyId);
      if (session) {
        return {
          secretAccessKey: session.session.SecretAccessKey,
          account: session.account,
          active: true,
          sessionToken: session.session.SessionToken,
          expiresAt: Date.parse(session.session.Expiration),
        };
      }
    }
    const found = this.storage.findAccessKey(accessKeyId);
    if (!found) return undefined;
    return {
      secretAccessKey: found.key.SecretAccessKey,
      account: found.account,
      userName: found.key.UserName,
      active: found.key.Status === 'Active',
    };
  }

  /** Internal API: the principal behind an access key: its IAM user, its role session, or the account's root for any other key. */
  principalFor(accessKeyId: string | undefined, account: string): CallerPrincipal {
    return principalFor(this.storage, accessKeyId, account);
  }

  /** Internal API: the caller as STS GetCallerIdentity reports it. */
  identityFor(accessKeyId: string | undefined, account: string): CallerIdentity {
    const principal = this.principalFor(accessKeyId, account);
    return { account: principal.account, arn: principal.arn, userId: principal.userId };
  }

  /**
   * Internal API for the edge (EMULATOR_ENFORCE_IAM=1): refuses, with the service's AccessDenied
   * error, a request of an IAM user or role session that its policies do not allow.
   */
  authorize(req: EdgeRequest, service: string): AwsError | undefined {
    if (!this.enforceIam) return undefined;
    const principal = this.principalFor(req.accessKeyId, req.account);
    return authorizeRequest(req, service, principal, () => identityPolicies(this.storage, principal), {
      services: this.ctx.services,
      iam: this.storage,
      store: this.ctx.store,
    });
  }

  /** Internal API (STS): starts a role session and answers its temporary credentials. */
  startSession(request: SessionRequest): SessionRecord {
    return issueSession(this.storage, request);
  }

  /**
   * Internal API (Lambda): temporary credentials of a function's execution role, named after the
   * function as on AWS, when IAM is enforced (undefined otherwise: functions keep the default
   * credentials). Credentials are reused while they have more than half their life left.
   */
  credentialsForRole(account: string, roleArn: string, sessionName: string): RoleCredentials | undefined {
    if (!this.enforceIam) return undefined;
    return roleCredentials(this.storage, account, roleArn, sessionName);
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
      maxSessionDuration: role.MaxSessionDuration,
    };
  }

  /**
   * Internal API (Lambda, checking an execution role before it uses it): the first of `actions`
   * on `resource` the role's identity policies do not allow, when IAM is enforced; undefined when
   * they allow them all, when IAM is not enforced, or when the role is unknown.
   */
  roleLacks(account: string, roleArn: string, actions: string[], resource: string): string | undefined {
    if (!this.enforceIam) return undefined;
    const role = this.findRole(account, roleArn);
    if (!role) return undefined;
    const policies = rolePolicies(this.storage, account, role.roleName);
    const principal = { arn: role.arn, account, roleArn: role.arn };
    return actions.find((action) => evaluatePolicies(policies, { principal, action, resource }) !== 'Allow');
  }

  /** Internal API: the identity policies in force for a role (inline ones and the default version of attached ones). */
  rolePolicies(account: string, roleName: string): PolicyDocument[] {
    return rolePolicies(this.storage, account, roleName);
  }

  health(): Record<string, unknown> {
    return {};
  }

  async reset(): Promise<void> {
    this.storage.forget();
  }
}
