import { awsError } from '../../core/errors.js';

export const ValidationException = awsError('ValidationException');
export const ResourceNotFoundException = awsError('ResourceNotFoundException');
export const ResourceInUseException = awsError('ResourceInUseException');
export const IdempotentParameterMismatchException = awsError('IdempotentParameterMismatchException');
export const TransactionCanceledException = awsError('TransactionCanceledException');

// DynamoDB Streams
export const StreamsValidationException = awsError('ValidationException');
export const ExpiredIteratorException = awsError('ExpiredIteratorException');
export const TrimmedDataAccessException = awsError('TrimmedDataAccessException');

export const TABLE_NOT_FOUND = 'Requested resource not found';

export function streamNotFound(arn: string) {
  return new ResourceNotFoundException(`Requested resource not found: Stream: ${arn} not found`);
}

/** AWS's generic shape-validation message for a missing member. */
export function missingMember(path: string) {
  return new ValidationException(
    `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`,
  );
}

/** One reason per action of a cancelled transaction, in the request's order. */
export interface CancellationReason {
  Code: string;
  Message?: string;
  Item?: Record<string, unknown>;
}

export function transactionCanceled(reasons: CancellationReason[]) {
  return new TransactionCanceledException(
    `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
    { CancellationReasons: reasons },
  );
}
