import { AwsError } from '../../../core/errors.js';
import type { StsContext } from './context.js';

/** The shapes of @aws-sdk/client-sts (not installed here), as its model defines them. */
export type GetCallerIdentityInput = Record<string, never>;
export interface GetCallerIdentityOutput {
  UserId?: string;
  Account?: string;
  Arn?: string;
}

export function GetCallerIdentity(_input: GetCallerIdentityInput, ctx: StsContext): GetCallerIdentityOutput {
  if (!ctx.accessKeyId) throw new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
  const identity = ctx.identityFor(ctx.accessKeyId, ctx.account);
  return { UserId: identity.userId, Account: identity.account, Arn: identity.arn };
}
