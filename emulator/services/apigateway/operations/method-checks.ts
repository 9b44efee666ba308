import { BadRequestException } from '../errors.js';
import type { StoredMethod, StoredRestApi } from '../model.js';

const INVALID_AUTHORIZER =
  'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.';

export const needsAuthorizer = (type: string | undefined) => type === 'CUSTOM' || type === 'COGNITO_USER_POOLS';

/** The references a method makes to other parts of the API must exist, as AWS checks on put and update. */
export function checkMethodReferences(api: StoredRestApi, method: StoredMethod): void {
  if (!['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'].includes(method.authorizationType ?? '')) {
    throw new BadRequestException('Invalid authorization type specified');
  }
  if (needsAuthorizer(method.authorizationType) && (!method.authorizerId || !api.authorizers[method.authorizerId])) {
    throw new BadRequestException(INVALID_AUTHORIZER);
  }
  if (method.requestValidatorId && !api.requestValidators[method.requestValidatorId]) {
    throw new BadRequestException('Invalid Request Validator identifier specified');
  }
  for (const model of Object.values(method.requestModels ?? {})) {
    if (!api.models[model]) throw new BadRequestException(`Invalid model identifier specified: ${model}`);
  }
  const names = Object.keys(method.requestParameters ?? {}).map((p) => p.split('.').pop());
  if (new Set(names).size !== names.length)
    throw new BadRequestException('Parameter names must be unique across querystring, header and path');
}

/** A method as answered: its integration, when there is one, under `methodIntegration`. */
export function methodView(method: StoredMethod): StoredMethod {
  return structuredClone(method);
}
