import type { UpdateGatewayResponseCommandInput, UpdateGatewayResponseCommandOutput } from '@aws-sdk/client-api-gateway';
import { BadRequestException, NotFoundException } from '../errors.js';
import { assertResponseType, effectiveGatewayResponse } from '../gateway-responses.js';
import { applyPatch, unescapePointer, validateOps } from '../patch.js';
import type { ApiOp } from './context.js';

export const UpdateGatewayResponse: ApiOp<UpdateGatewayResponseCommandInput, UpdateGatewayResponseCommandOutput> = (input, ctx) => {
  const api = ctx.state.api(input.restApiId!);
  const type = assertResponseType(input.responseType);
  const response = structuredClone(effectiveGatewayResponse(type, api.gatewayResponses));
  response.defaultResponse = false;
  validateOps(input.patchOperations, 'updateGatewayResponseInput');
  for (const { op, path = 'null', value } of input.patchOperations ?? []) {
    if (path === '/statusCode' && op !== 'replace') throw new BadRequestException(`Invalid patch path ${path}`);
    for (const member of ['responseParameters', 'responseTemplates'] as const) {
      if (!path.startsWith(`/${member}/`) || (op !== 'add' && op !== 'replace')) continue;
      if (op === 'replace' && !(unescapePointer(path.slice(member.length + 2)) in (response[member] ?? {}))) {
        throw new NotFoundException('Invalid parameter name specified');
      }
      if (value === undefined || value === null) throw new BadRequestException(`Invalid null or empty value in ${member}`);
    }
  }
  applyPatch(
    response,
    input.patchOperations,
    [
      { path: '/statusCode', ops: ['replace'], kind: 'string' },
      { path: '/responseParameters/*', ops: ['add', 'remove', 'replace'], kind: 'map' },
      { path: '/responseTemplates/*', ops: ['add', 'remove', 'replace'], kind: 'map' },
    ],
    'updateGatewayResponseInput',
  );
  response.responseParameters ??= {};
  response.responseTemplates ??= {};
  api.gatewayResponses[type] = response;
  ctx.state.saveApi(api);
  return response;
};
