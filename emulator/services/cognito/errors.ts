import { awsError } from '../../core/errors.js';

/** Cognito's error codes; messages are AWS's own, given where each is thrown. */
export const InvalidParameterException = awsError('InvalidParameterException', 400);
export const ResourceNotFoundException = awsError('ResourceNotFoundException', 400);
export const UsernameExistsException = awsError('UsernameExistsException', 400);
export const InvalidPasswordException = awsError('InvalidPasswordException', 400);
export const CodeMismatchException = awsError('CodeMismatchException', 400);
export const ExpiredCodeException = awsError('ExpiredCodeException', 400);
export const NotAuthorizedException = awsError('NotAuthorizedException', 400);
export const UserNotConfirmedException = awsError('UserNotConfirmedException', 400);
export const UserNotFoundException = awsError('UserNotFoundException', 400);

export const poolNotFound = (poolId: string) => new ResourceNotFoundException(`User pool ${poolId} does not exist.`);
export const clientNotFound = (clientId: string) => new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
export const userNotFound = () => new UserNotFoundException('User does not exist.');
export const UserLambdaValidationException = awsError('UserLambdaValidationException', 400);
export const InvalidLambdaResponseException = awsError('InvalidLambdaResponseException', 400);
export const UnexpectedLambdaException = awsError('UnexpectedLambdaException', 400);
export const PasswordResetRequiredException = awsError('PasswordResetRequiredException', 400);
export const UnsupportedUserStateException = awsError('UnsupportedUserStateException', 400);
export const UnsupportedTokenTypeException = awsError('UnsupportedTokenTypeException', 400);
export const UnsupportedOperationException = awsError('UnsupportedOperationException', 400);
export const UnauthorizedException = awsError('UnauthorizedException', 401);
export const AliasExistsException = awsError('AliasExistsException', 400);

export const INCORRECT_CREDENTIALS = 'Incorrect username or password.';
