/**
 * STS (awsQuery). AssumeRole issues temporary credentials (ASIA... key, secret, session token,
 * expiration) for a role whose trust policy allows the caller, with DurationSeconds checked
 * against the role's MaxSessionDuration and the one-hour limit of role chaining, and an optional
 * session policy that narrows the role's policies when IAM is enforced. Sessions live in IAM's
 * state (the Store), so credentials survive a restart; the edge verifies their signature and
 * session token. GetCallerIdentity answers the account's root, the IAM user behind an IAM access
 * key, or `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION` for temporary credentials;
 * GetAccessKeyInfo the account of a key.
 *
 * Not yet: AssumeRoleWithWebIdentity, AssumeRoleWithSAML, AssumeRoot, GetSessionToken,
 * GetFederationToken, DecodeAuthorizationMessage, GetWebIdentityToken, GetDelegatedAccessToken;
 * session tags, TransitiveTagKeys, SourceIdentity, PolicyArns (managed session policies), MFA
 * (SerialNumber/TokenCode) and ProvidedContexts of AssumeRole; regional STS endpoints.
 */

import type { EdgeRequest, EdgeResponse } from '../../core/http.js';
import type { Service, ServiceContext } from '../../core/service.js';
import { operationContext } from '../../protocols/aws-json.js';
import { awsQueryHandler } from '../../protocols/aws-query.js';
import type { IamService } from '../iam/index.js';
import type { StsContext } from './operations/context.js';
import { OPERATIONS } from './operations/index.js';

export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

export class StsService implements Service {
  readonly name = 'sts';
  private readonly query: (req: EdgeRequest) => Promise<EdgeResponse>;

  constructor(ctx: ServiceContext) {
    this.query = awsQueryHandler<StsContext>({
      serviceName: 'STS',
      xmlns: STS_XMLNS,
      operations: OPERATIONS,
      context: (req) => ({
        ...operationContext(req),
        ...(ctx.services.has('iam') ? { iam: ctx.services.get<IamService>('iam') } : {}),
      }),
    });
  }

  handle(req: EdgeRequest): Promise<EdgeResponse> {
    return this.query(req);
  }
}
