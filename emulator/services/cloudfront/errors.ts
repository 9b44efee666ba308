import { awsError } from '../../core/errors.js';

/** CloudFront's error codes with the HTTP statuses of the SDK's model. */
export const AccessDenied = awsError('AccessDenied', 403);
export const BatchTooLarge = awsError('BatchTooLarge', 413);
export const DistributionAlreadyExists = awsError('DistributionAlreadyExists', 409);
export const DistributionNotDisabled = awsError('DistributionNotDisabled', 409);
export const IllegalUpdate = awsError('IllegalUpdate', 400);
export const InconsistentQuantities = awsError('InconsistentQuantities', 400);
export const InvalidArgument = awsError('InvalidArgument', 400);
export const InvalidDefaultRootObject = awsError('InvalidDefaultRootObject', 400);
export const InvalidErrorCode = awsError('InvalidErrorCode', 400);
export const InvalidIfMatchVersion = awsError('InvalidIfMatchVersion', 400);
export const InvalidOrigin = awsError('InvalidOrigin', 400);
export const InvalidRelativePath = awsError('InvalidRelativePath', 400);
export const InvalidResponseCode = awsError('InvalidResponseCode', 400);
export const InvalidTagging = awsError('InvalidTagging', 400);
export const InvalidTTLOrder = awsError('InvalidTTLOrder', 400);
export const MalformedInput = awsError('MalformedInput', 400);
export const MissingBody = awsError('MissingBody', 400);
export const NoSuchCachePolicy = awsError('NoSuchCachePolicy', 404);
export const NoSuchDistribution = awsError('NoSuchDistribution', 404);
export const NoSuchInvalidation = awsError('NoSuchInvalidation', 404);
export const NoSuchOrigin = awsError('NoSuchOrigin', 404);
export const NoSuchResource = awsError('NoSuchResource', 404);
export const PreconditionFailed = awsError('PreconditionFailed', 412);

export const noSuchDistribution = () => new NoSuchDistribution('The specified distribution does not exist.');
export const noSuchInvalidation = () => new NoSuchInvalidation('The specified invalidation does not exist.');
export const noSuchOrigin = () => new NoSuchOrigin('One or more of your origins or origin groups do not exist.');
export const inconsistentQuantities = (what: string) =>
  new InconsistentQuantities(`The value of Quantity and the size of Items don't match for ${what}.`);
export const missingMember = (path: string) => new InvalidArgument(`The parameter ${path} is required.`);
