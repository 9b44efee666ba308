import type { DeleteRestApiCommandInput, DeleteRestApiCommandOutput } from '@aws-sdk/client-api-gateway';
import type { ApiOp } from './context.js';

export const DeleteRestApi: ApiOp<DeleteRestApiCommandInput, DeleteRestApiCommandOutput> = (input, ctx) => {
  ctx.state.api(input.restApiId!);
  ctx.state.deleteApi(input.restApiId!);
  return {};
};
