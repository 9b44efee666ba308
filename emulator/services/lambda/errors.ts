import { awsError } from '../../core/errors.js';

export const ResourceNotFoundException = awsError('ResourceNotFoundException', 404);
export const ResourceConflictException = awsError('ResourceConflictException', 409);
export const InvalidParameterValueException = awsError('InvalidParameterValueException', 400);
export const InvalidRequestContentException = awsError('InvalidRequestContentException', 400);
export const RequestTooLargeException = awsError('RequestTooLargeException', 413);
export const PreconditionFailedException = awsError('PreconditionFailedException', 412);
export const AccessDeniedException = awsError('AccessDeniedException', 403);
export { ValidationException } from '../../core/errors.js';

export const functionNotFound = (arn: string) => new ResourceNotFoundException(`Function not found: ${arn}`);

export const revisionMismatch = () =>
  new PreconditionFailedException(
    'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
  );

/** AWS's wording for a request member that breaks its model constraint (a ValidationException). */
export function validationMessage(member: string, value: unknown, constraint: string): string {
  const shown = value === undefined || value === null ? 'null' : `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;
  return `1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`;
}

export const TooManyRequestsException = awsError('TooManyRequestsException', 429);

/** How AWS words a throttled invocation; `Reason` tells which limit was hit. */
export const throttled = (reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' | 'ConcurrentInvocationLimitExceeded') =>
  new TooManyRequestsException('Rate Exceeded.', { Reason: reason });
