import type { DeleteIntegrationCommandInput, DeleteIntegrationCommandOutput } from '@aws-sdk/client-api-gateway';
import { notFound } from '../errors.js';
import { findMethod } from '../lookup.js';
import type { ApiOp } from './context.js';

export const DeleteIntegration: ApiOp<DeleteIntegrationCommandInput, DeleteIntegrationCommandOutput> = (input, ctx) => {
  const { api, method } = findMethod(ctx.state, input.restApiId!, input.resourceId!, input.httpMethod!);
  if (!method.methodIntegration) throw notFound.integration();
  delete method.methodIntegration;
  ctx.state.saveApi(api);
  return {};
};
