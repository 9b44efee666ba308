import { awsError } from '../../core/errors.js';

export const ResourceNotFoundException = awsError('ResourceNotFoundException', 400);
export const ResourceAlreadyExistsException = awsError('ResourceAlreadyExistsException', 400);
export const InvalidParameterException = awsError('InvalidParameterException', 400);

export const groupNotFound = () => new ResourceNotFoundException('The specified log group does not exist.');
export const streamNotFound = () => new ResourceNotFoundException('The specified log stream does not exist.');

/** AWS's wording for a member that breaks its model constraint. */
export function invalidMember(member: string, value: unknown, constraint: string): InstanceType<typeof InvalidParameterException> {
  const shown = value === undefined || value === null ? 'null' : `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;
  return new InvalidParameterException(
    `1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`,
  );
}
