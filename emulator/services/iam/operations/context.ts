import type { OperationContext } from '../../../protocols/aws-json.js';
import type { IamStorage } from '../storage.js';

export interface IamContext extends OperationContext {
  iam: IamStorage;
}

/** An SDK output shape without the client-side metadata. */
export type Output<T> = Omit<T, '$metadata'>;
