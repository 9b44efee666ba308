import type { UpdateIntegrationResponseCommandInput, UpdateIntegrationResponseCommandOutput } from '@aws-sdk/client-api-gateway';
import { notFound } from '../errors.js';
import { findMethod } from '../lookup.js';
import { applyPatch } from '../patch.js';
import type { ApiOp } from './context.js';

export const UpdateIntegrationResponse: ApiOp<UpdateIntegrationResponseCommandInput, UpdateIntegrationResponseCommandOutput> = (
  input,
  ctx,
) => {
  const { api, method } = findMethod(ctx.state, input.restApiId!, input.resourceId!, input.httpMethod!);
  if (!method.methodIntegration) throw notFound.integration();
  const response = method.methodIntegration.integrationResponses?.[input.statusCode!];
  if (!response) throw notFound.responseStatus();
  applyPatch(
    response,
    input.patchOperations,
    [
      { path: '/selectionPattern', ops: ['replace'], kind: 'string' },
      { path: '/contentHandling', ops: ['replace'], kind: 'string' },
      { path: '/responseParameters/*', ops: ['add', 'remove', 'replace'], kind: 'map' },
      { path: '/responseTemplates/*', ops: ['add', 'remove', 'replace'], kind: 'map' },
    ],
    'updateIntegrationResponseInput',
  );
  ctx.state.saveApi(api);
  return response;
};
