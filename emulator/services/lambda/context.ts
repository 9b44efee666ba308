import type { Operation, OperationContext } from '../../protocols/aws-json.js';
import type { IamService } from '../iam/index.js';
import type { EventSourceMappings } from './event-source-mappings/index.js';
import type { FunctionRunner } from './function-runner.js';

export interface LambdaContext extends OperationContext {
  runner: FunctionRunner;
  eventSourceMappings: EventSourceMappings;
  /** IAM, when it runs: what an execution role may not do (only while IAM is enforced). */
  iam: Pick<IamService, 'roleLacks'> | undefined;
}

/** Outputs as operations return them: the SDK's output type without the response metadata. */
export type LambdaOperation<I, O> = Operation<I, Omit<O, '$metadata'>, LambdaContext>;

/** Inputs as the codec hands them over: blobs are still base64 text. */
export type Wire<T> = T extends Uint8Array
  ? string
  : T extends Array<infer U>
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
