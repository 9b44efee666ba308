import type { DeleteIntegrationResponseCommandInput, DeleteIntegrationResponseCommandOutput } from '@aws-sdk/client-api-gateway';
import { notFound } from '../errors.js';
import { findMethod } from '../lookup.js';
import type { ApiOp } from './context.js';

export const DeleteIntegrationResponse: ApiOp<DeleteIntegrationResponseCommandInput, DeleteIntegrationResponseCommandOutput> = (
  input,
  ctx,
) => {
  const { api, method } = findMethod(ctx.state, input.restApiId!, input.resourceId!, input.httpMethod!);
  const integration = method.methodIntegration;
  if (!integration) throw notFound.integration();
  if (!integration.integrationResponses?.[input.statusCode!]) throw notFound.responseStatus();
  delete integration.integrationResponses[input.statusCode!];
  if (!Object.keys(integration.integrationResponses).length) delete integration.integrationResponses;
  ctx.state.saveApi(api);
  return {};
};
