import type { PutIntegrationResponseCommandInput, PutIntegrationResponseCommandOutput } from '@aws-sdk/client-api-gateway';
import { invalidStatusCode, notFound } from '../errors.js';
import { findMethod } from '../lookup.js';
import type { ApiOp } from './context.js';

export const PutIntegrationResponse: ApiOp<PutIntegrationResponseCommandInput, PutIntegrationResponseCommandOutput> = (input, ctx) => {
  const invalid = invalidStatusCode(input.statusCode);
  if (invalid) throw invalid;
  const { api, method } = findMethod(ctx.state, input.restApiId!, input.resourceId!, input.httpMethod!);
  const integration = method.methodIntegration;
  if (!integration) throw notFound.integration();
  const response = {
    statusCode: input.statusCode!,
    ...(input.selectionPattern !== undefined ? { selectionPattern: input.selectionPattern } : {}),
    ...(input.responseParameters ? { responseParameters: input.responseParameters } : {}),
    ...(input.responseTemplates ? { responseTemplates: input.responseTemplates } : {}),
    ...(input.contentHandling ? { contentHandling: input.contentHandling } : {}),
  };
  integration.integrationResponses = { ...integration.integrationResponses, [response.statusCode]: response };
  ctx.state.saveApi(api);
  return response;
};
