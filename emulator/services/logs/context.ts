import type { Operation, OperationContext } from '../../protocols/aws-json.js';
import type { LogStore } from './log-store.js';

export interface LogsContext extends OperationContext {
  logs: LogStore;
}

/** Outputs as operations return them: the SDK's output type without the response metadata. */
export type LogsOperation<I, O> = Operation<I, Omit<O, '$metadata'>, LogsContext>;
