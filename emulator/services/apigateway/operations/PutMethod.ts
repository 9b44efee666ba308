import type { PutMethodCommandInput, PutMethodCommandOutput } from '@aws-sdk/client-api-gateway';
import { BadRequestException, ConflictException, ValidationException } from '../errors.js';
import { findResource } from '../lookup.js';
import { HTTP_METHODS, type StoredMethod } from '../model.js';
import type { ApiOp } from './context.js';
import { checkMethodReferences, needsAuthorizer } from './method-checks.js';

export const PutMethod: ApiOp<PutMethodCommandInput, PutMethodCommandOutput> = (input, ctx) => {
  const { api, resource } = findResource(ctx.state, input.restApiId!, input.resourceId!);
  const httpMethod = input.httpMethod ?? '';
  if (!(HTTP_METHODS as readonly string[]).includes(httpMethod)) {
    throw new BadRequestException('Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY');
  }
  if (!input.authorizationType) {
    throw new ValidationException(
      "1 validation error detected: Value null at 'putMethodInput.authorizationType' failed to satisfy constraint: Member must not be null",
    );
  }
  if (resource.resourceMethods?.[httpMethod]) throw new ConflictException('Method already exists for this resource');
  const method: StoredMethod = {
    httpMethod,
    authorizationType: input.authorizationType.toUpperCase(),
    ...(needsAuthorizer(input.authorizationType.toUpperCase()) ? { authorizerId: input.authorizerId } : {}),
    apiKeyRequired: input.apiKeyRequired ?? false,
    ...(input.requestValidatorId ? { requestValidatorId: input.requestValidatorId } : {}),
    ...(input.operationName ? { operationName: input.operationName } : {}),
    ...(input.requestParameters ? { requestParameters: input.requestParameters } : {}),
    ...(input.requestModels ? { requestModels: input.requestModels } : {}),
    ...(input.authorizationScopes?.length ? { authorizationScopes: input.authorizationScopes } : {}),
  };
  checkMethodReferences(api, method);
  resource.resourceMethods = { ...resource.resourceMethods, [httpMethod]: method };
  ctx.state.saveApi(api);
  return method;
};
