import type { DeleteMethodCommandInput, DeleteMethodCommandOutput } from '@aws-sdk/client-api-gateway';
import { findMethod } from '../lookup.js';
import type { ApiOp } from './context.js';

export const DeleteMethod: ApiOp<DeleteMethodCommandInput, DeleteMethodCommandOutput> = (input, ctx) => {
  const { api, resource } = findMethod(ctx.state, input.restApiId!, input.resourceId!, input.httpMethod!);
  delete resource.resourceMethods![input.httpMethod!];
  if (!Object.keys(resource.resourceMethods!).length) delete resource.resourceMethods;
  ctx.state.saveApi(api);
  return {};
};
