import { awsError } from '../../core/errors.js';

/**
 * CloudWatch's errors, named by their awsQuery codes: the awsQueryCompatible JSON protocol sends
 * them in `x-amzn-query-error`, and the SDK maps them back to its exception classes
 * (InvalidParameterValue → InvalidParameterValueException, ...).
 */
export const InvalidParameterValue = awsError('InvalidParameterValue', 400);
export const InvalidParameterCombination = awsError('InvalidParameterCombination', 400);
export const MissingParameter = awsError('MissingParameter', 400);
export const InvalidNextToken = awsError('InvalidNextToken', 400);
export const InvalidFormat = awsError('InvalidFormat', 400);
export const ResourceNotFound = awsError('ResourceNotFound', 404);
export const ResourceNotFoundException = awsError('ResourceNotFoundException', 404);
export const ValidationError = awsError('ValidationError', 400);
export const LimitExceeded = awsError('LimitExceeded', 400);
/** A member of the wrong JSON type, refused by the JSON protocol before any operation runs. */
export const SerializationException = awsError('SerializationException', 400);

/** The wording of AWS's model validation ("1 validation error detected: ..."). */
export function invalidMember(member: string, value: unknown, constraint: string): InstanceType<typeof ValidationError> {
  const shown = value === undefined || value === null ? 'null' : `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;
  return new ValidationError(`1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`);
}

export function required(member: string, value: unknown): void {
  if (value === undefined || value === null) throw invalidMember(member, value, 'Member must not be null');
}
