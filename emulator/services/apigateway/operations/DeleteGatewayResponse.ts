import type { DeleteGatewayResponseCommandInput, DeleteGatewayResponseCommandOutput } from '@aws-sdk/client-api-gateway';
import { NotFoundException } from '../errors.js';
import { assertResponseType } from '../gateway-responses.js';
import type { ApiOp } from './context.js';

export const DeleteGatewayResponse: ApiOp<DeleteGatewayResponseCommandInput, DeleteGatewayResponseCommandOutput> = (input, ctx) => {
  const api = ctx.state.api(input.restApiId!);
  const type = assertResponseType(input.responseType);
  if (!api.gatewayResponses[type]) throw new NotFoundException('Gateway response type not defined on api');
  delete api.gatewayResponses[type];
  ctx.state.saveApi(api);
  return {};
};
