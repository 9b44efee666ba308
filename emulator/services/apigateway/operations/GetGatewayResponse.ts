import type { GetGatewayResponseCommandInput, GetGatewayResponseCommandOutput } from '@aws-sdk/client-api-gateway';
import { assertResponseType, effectiveGatewayResponse } from '../gateway-responses.js';
import type { ApiOp } from './context.js';

export const GetGatewayResponse: ApiOp<GetGatewayResponseCommandInput, GetGatewayResponseCommandOutput> = (input, ctx) => {
  const api = ctx.state.api(input.restApiId!);
  return effectiveGatewayResponse(assertResponseType(input.responseType), api.gatewayResponses);
};
