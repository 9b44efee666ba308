import type { OperationContext } from '../../../protocols/aws-json.js';
import type { IamService } from '../../iam/index.js';

export interface StsContext extends OperationContext {
  /** The IAM service, which keeps users, roles and sessions (undefined when it is not running). */
  iam?: IamService;
}

/** An SDK output shape without the client-side metadata. */
export type Output<T> = Omit<T, '$metadata'>;
