import type { Operation } from '../../../protocols/aws-json.js';
import type { StsContext } from './context.js';
import { GetCallerIdentity } from './GetCallerIdentity.js';

/** The STS operations the SDK knows, as far as this service is concerned (@aws-sdk/client-sts is not installed to derive them). */
type StsOperationName =
  | 'AssumeRole'
  | 'AssumeRoleWithSAML'
  | 'AssumeRoleWithWebIdentity'
  | 'AssumeRoot'
  | 'DecodeAuthorizationMessage'
  | 'GetAccessKeyInfo'
  | 'GetCallerIdentity'
  | 'GetDelegatedAccessToken'
  | 'GetFederationToken'
  | 'GetSessionToken'
  | 'GetWebIdentityToken';

export const OPERATIONS = { GetCallerIdentity } satisfies Partial<Record<StsOperationName, Operation<any, unknown, StsContext>>>;
