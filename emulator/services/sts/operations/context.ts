import type { OperationContext } from '../../../protocols/aws-json.js';
import type { CallerIdentity } from '../../iam/index.js';

export interface StsContext extends OperationContext {
  identityFor(accessKeyId: string, account: string): CallerIdentity;
}
