import type { Operation, OperationContext } from '../../protocols/aws-json.js';
import type { Database } from './database.js';

export interface DynamoContext extends OperationContext {
  /** The database of the caller's account and region. */
  db: Database;
}

/** Values as they travel in JSON: binary attribute values are base64 text. */
export type Wire<T> = T extends Uint8Array
  ? string
  : T extends Date
    ? number
    : T extends Array<infer U>
      ? Wire<U>[]
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

/** An operation typed with the SDK's own input and output shapes, as they are on the wire. */
export type DynamoOperation<I, O> = Operation<Wire<I>, Wire<Omit<O, '$metadata'>>, DynamoContext>;
