import type { PutMethodResponseCommandInput, PutMethodResponseCommandOutput } from '@aws-sdk/client-api-gateway';
import { invalidStatusCode } from '../errors.js';
import { findMethod } from '../lookup.js';
import type { ApiOp } from './context.js';

export const PutMethodResponse: ApiOp<PutMethodResponseCommandInput, PutMethodResponseCommandOutput> = (input, ctx) => {
  const invalid = invalidStatusCode(input.statusCode);
  if (invalid) throw invalid;
  const { api, method } = findMethod(ctx.state, input.restApiId!, input.resourceId!, input.httpMethod!);
  const response = {
    statusCode: input.statusCode!,
    ...(input.responseParameters ? { responseParameters: input.responseParameters } : {}),
    ...(input.responseModels ? { responseModels: input.responseModels } : {}),
  };
  method.methodResponses = { ...method.methodResponses, [response.statusCode]: response };
  ctx.state.saveApi(api);
  return response;
};
