import { awsError } from '../../core/errors.js';

/** IAM's error codes with their HTTP status; messages are AWS's own text. */
export const NoSuchEntity = awsError('NoSuchEntity', 404);
export const EntityAlreadyExists = awsError('EntityAlreadyExists', 409);
export const DeleteConflict = awsError('DeleteConflict', 409);
export const LimitExceeded = awsError('LimitExceeded', 409);
export const MalformedPolicyDocument = awsError('MalformedPolicyDocument', 400);
export const ValidationError = awsError('ValidationError', 400);
export const InvalidInput = awsError('InvalidInput', 400);

export const noSuchRole = (name: string) => new NoSuchEntity(`The role with name ${name} cannot be found.`);
export const noSuchUser = (name: string) => new NoSuchEntity(`The user with name ${name} cannot be found.`);
export const noSuchPolicy = (arn: string) => new NoSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
