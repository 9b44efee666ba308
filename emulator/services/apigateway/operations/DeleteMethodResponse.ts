import type { DeleteMethodResponseCommandInput, DeleteMethodResponseCommandOutput } from '@aws-sdk/client-api-gateway';
import { notFound } from '../errors.js';
import { findMethod } from '../lookup.js';
import type { ApiOp } from './context.js';

export const DeleteMethodResponse: ApiOp<DeleteMethodResponseCommandInput, DeleteMethodResponseCommandOutput> = (input, ctx) => {
  const { api, method } = findMethod(ctx.state, input.restApiId!, input.resourceId!, input.httpMethod!);
  if (!method.methodResponses?.[input.statusCode!]) throw notFound.responseStatus();
  delete method.methodResponses[input.statusCode!];
  if (!Object.keys(method.methodResponses).length) delete method.methodResponses;
  ctx.state.saveApi(api);
  return {};
};
