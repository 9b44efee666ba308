import type { PutGatewayResponseCommandInput, PutGatewayResponseCommandOutput } from '@aws-sdk/client-api-gateway';
import { invalidStatusCode } from '../errors.js';
import { assertResponseType, DEFAULT_TEMPLATE, GATEWAY_RESPONSE_STATUS } from '../gateway-responses.js';
import type { ApiOp } from './context.js';

export const PutGatewayResponse: ApiOp<PutGatewayResponseCommandInput, PutGatewayResponseCommandOutput> = (input, ctx) => {
  const api = ctx.state.api(input.restApiId!);
  const type = assertResponseType(input.responseType);
  if (input.statusCode !== undefined) {
    const invalid = invalidStatusCode(input.statusCode);
    if (invalid) throw invalid;
  }
  const statusCode = input.statusCode ?? GATEWAY_RESPONSE_STATUS[type];
  const response = {
    defaultResponse: false,
    responseParameters: input.responseParameters ?? {},
    responseTemplates: input.responseTemplates ?? { 'application/json': DEFAULT_TEMPLATE },
    responseType: input.responseType,
    ...(statusCode ? { statusCode } : {}),
  };
  api.gatewayResponses[type] = response;
  ctx.state.saveApi(api);
  return response;
};
