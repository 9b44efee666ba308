import type { GetGatewayResponsesCommandInput, GetGatewayResponsesCommandOutput } from '@aws-sdk/client-api-gateway';
import { allGatewayResponses } from '../gateway-responses.js';
import { paginate } from '../lookup.js';
import type { ApiOp } from './context.js';

export const GetGatewayResponses: ApiOp<GetGatewayResponsesCommandInput, GetGatewayResponsesCommandOutput> = (input, ctx) => {
  const api = ctx.state.api(input.restApiId!);
  return paginate(allGatewayResponses(api.gatewayResponses), input.position, input.limit ?? 500, (r) => r.responseType!);
};
