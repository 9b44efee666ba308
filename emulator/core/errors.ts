/** An error answered to an AWS client: its code, HTTP status and AWS's message text. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Extra members serialised beside `message` (e.g. CancellationReasons). */
    readonly extra: Record<string, unknown> = {},
    /** Client errors are "Sender"/"User", server errors "Receiver"/"Service". */
    readonly fault: 'client' | 'server' = status >= 500 ? 'server' : 'client',
  ) {
    super(message);
    this.name = code;
  }
}

/** Declares an error class for one AWS error code. */
export function awsError(code: string, status = 400) {
  return class extends AwsError {
    constructor(message: string, extra: Record<string, unknown> = {}) {
      super(code, message, status, extra);
    }
  };
}

export const ValidationException = awsError('ValidationException', 400);
export const UnknownOperationException = awsError('UnknownOperationException', 400);
export const InternalFailure = awsError('InternalFailure', 500);
export const SerializationException = awsError('SerializationException', 400);

export function unknownOperation(service: string, operation: string): AwsError {
  return new UnknownOperationException(`The operation ${operation} is not supported by the local ${service} service yet.`);
}

export function toAwsError(err: unknown): AwsError {
  if (err instanceof AwsError) return err;
  console.error('[local-cloud] internal error:', err);
  const message = err instanceof Error ? err.message : String(err);
  return new InternalFailure(`Internal error in the local cloud: ${message}`);
}
