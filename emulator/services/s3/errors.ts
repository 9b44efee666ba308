import { type AwsError, awsError } from '../../core/errors.js';

/** S3's error codes with their HTTP status; messages are AWS's own text. Extra members become `<Error>` children. */
export const AccessDenied = awsError('AccessDenied', 403);
export const AccessControlListNotSupported = awsError('AccessControlListNotSupported', 400);
export const BadDigest = awsError('BadDigest', 400);
export const BucketAlreadyExists = awsError('BucketAlreadyExists', 409);
export const BucketAlreadyOwnedByYou = awsError('BucketAlreadyOwnedByYou', 409);
export const BucketNotEmpty = awsError('BucketNotEmpty', 409);
export const IllegalLocationConstraintException = awsError('IllegalLocationConstraintException', 400);
export const IncompleteBody = awsError('IncompleteBody', 400);
export const InvalidArgument = awsError('InvalidArgument', 400);
export const InvalidBucketAclWithObjectOwnership = awsError('InvalidBucketAclWithObjectOwnership', 400);
export const InvalidBucketName = awsError('InvalidBucketName', 400);
export const InvalidDigest = awsError('InvalidDigest', 400);
export const InvalidLocationConstraint = awsError('InvalidLocationConstraint', 400);
export const InvalidRange = awsError('InvalidRange', 416);
export const InvalidRequest = awsError('InvalidRequest', 400);
export const InvalidTag = awsError('InvalidTag', 400);
export const KeyTooLongError = awsError('KeyTooLongError', 400);
export const MalformedPolicy = awsError('MalformedPolicy', 400);
export const MalformedXML = awsError('MalformedXML', 400);
export const MethodNotAllowed = awsError('MethodNotAllowed', 405);
export const NoSuchBucket = awsError('NoSuchBucket', 404);
export const NoSuchBucketPolicy = awsError('NoSuchBucketPolicy', 404);
export const NoSuchKey = awsError('NoSuchKey', 404);
export const NoSuchPublicAccessBlockConfiguration = awsError('NoSuchPublicAccessBlockConfiguration', 404);
export const NoSuchTagSet = awsError('NoSuchTagSet', 404);
export const NoSuchWebsiteConfiguration = awsError('NoSuchWebsiteConfiguration', 404);
export const NotImplemented = awsError('NotImplemented', 501);
/** Not an error to the client: the conditional GET's 304 travels the error path, as in the S3 model. */
export const NotModified = awsError('NotModified', 304);
export const PreconditionFailed = awsError('PreconditionFailed', 412);

export const MALFORMED_XML_MESSAGE = 'The XML you provided was not well-formed or did not validate against our published schema';

export const noSuchBucket = (bucket: string) => new NoSuchBucket('The specified bucket does not exist', { BucketName: bucket });
export const noSuchKey = (key: string) => new NoSuchKey('The specified key does not exist.', { Key: key });
export const accessDenied = () => new AccessDenied('Access Denied');
export const malformedXml = () => new MalformedXML(MALFORMED_XML_MESSAGE);
export const preconditionFailed = (condition: string) =>
  new PreconditionFailed('At least one of the pre-conditions you specified did not hold', { Condition: condition });
export const invalidArgument = (message: string, name: string, value: string) =>
  new InvalidArgument(message, { ArgumentName: name, ArgumentValue: value });

export function notImplemented(operation: string): AwsError {
  return new NotImplemented(`The local S3 service does not implement ${operation} yet.`);
}

export const NoSuchUpload = awsError('NoSuchUpload', 404);
export const InvalidPart = awsError('InvalidPart', 400);
export const InvalidPartOrder = awsError('InvalidPartOrder', 400);
export const EntityTooSmall = awsError('EntityTooSmall', 400);

export const noSuchUpload = (uploadId: string) =>
  new NoSuchUpload('The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.', {
    UploadId: uploadId,
  });
