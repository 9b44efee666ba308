import { awsError } from '../../core/errors.js';

export const NotFoundException = awsError('NotFoundException', 404);
export const BadRequestException = awsError('BadRequestException', 400);
export const ConflictException = awsError('ConflictException', 409);
export const ValidationException = awsError('ValidationException', 400);

/** AWS's texts for the "no such thing" answers. */
export const notFound = {
  restApi: (account: string, id: string) => new NotFoundException(`Invalid API identifier specified ${account}:${id}`),
  resource: () => new NotFoundException('Invalid Resource identifier specified'),
  method: () => new NotFoundException('Invalid Method identifier specified'),
  integration: () => new NotFoundException('Invalid Integration identifier specified'),
  responseStatus: () => new NotFoundException('Invalid Response status code specified'),
  authorizer: () => new NotFoundException('Invalid Authorizer identifier specified'),
  model: (name: string) => new NotFoundException(`Invalid model name specified: ${name}`),
  requestValidator: () => new NotFoundException('Invalid Request Validator identifier specified'),
  deployment: () => new NotFoundException('Invalid Deployment identifier specified'),
  stage: () => new NotFoundException('Invalid stage identifier specified'),
};

export function invalidStatusCode(statusCode: string | undefined): Error | undefined {
  if (statusCode !== undefined && /^[1-5]\d\d$/.test(statusCode)) return undefined;
  return new ValidationException(
    `1 validation error detected: Value '${statusCode}' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d`,
  );
}
