import type { GetIntegrationResponseCommandInput, GetIntegrationResponseCommandOutput } from '@aws-sdk/client-api-gateway';
import { invalidStatusCode, notFound } from '../errors.js';
import { findMethod } from '../lookup.js';
import type { ApiOp } from './context.js';

export const GetIntegrationResponse: ApiOp<GetIntegrationResponseCommandInput, GetIntegrationResponseCommandOutput> = (input, ctx) => {
  const invalid = invalidStatusCode(input.statusCode);
  if (invalid) throw invalid;
  const { method } = findMethod(ctx.state, input.restApiId!, input.resourceId!, input.httpMethod!);
  if (!method.methodIntegration) throw notFound.integration();
  const response = method.methodIntegration.integrationResponses?.[input.statusCode!];
  if (!response) throw notFound.responseStatus();
  return response;
};
