import { awsError } from '../../core/errors.js';

/** STS's error codes with their HTTP status; messages are AWS's own text. */
export const AccessDenied = awsError('AccessDenied', 403);
export const ValidationError = awsError('ValidationError', 400);
export const MalformedPolicyDocument = awsError('MalformedPolicyDocument', 400);
export const PackedPolicyTooLarge = awsError('PackedPolicyTooLarge', 400);
export const MissingAuthenticationToken = awsError('MissingAuthenticationToken', 403);

export const constraint = (value: unknown, field: string, rule: string) =>
  new ValidationError(
    `1 validation error detected: Value ${value === undefined ? 'null' : `'${value}'`} at '${field}' failed to satisfy constraint: ${rule}`,
  );
