/**
 * STS (awsQuery): GetCallerIdentity, answering the account of the request's credentials and
 * the IAM user behind an IAM-created access key (the account's root for any other key).
 *
 * Not yet: AssumeRole, AssumeRoleWithWebIdentity, GetSessionToken, GetFederationToken,
 * GetAccessKeyInfo, DecodeAuthorizationMessage and temporary credentials in general.
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
    const identityFor = (accessKeyId: string, account: string) =>
      ctx.services.has('iam')
        ? ctx.services.get<IamService>('iam').identityFor(accessKeyId, account)
        : { account, arn: `arn:aws:iam::${account}:root`, userId: account };
    this.query = awsQueryHandler<StsContext>({
      serviceName: 'STS',
      xmlns: STS_XMLNS,
      operations: OPERATIONS,
      context: (req) => ({ ...operationContext(req), identityFor }),
    });
  }

  handle(req: EdgeRequest): Promise<EdgeResponse> {
    return this.query(req);
  }
}
