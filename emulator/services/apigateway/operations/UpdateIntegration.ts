import type { UpdateIntegrationCommandInput, UpdateIntegrationCommandOutput } from '@aws-sdk/client-api-gateway';
import { notFound } from '../errors.js';
import { findMethod } from '../lookup.js';
import { applyPatch } from '../patch.js';
import type { ApiOp } from './context.js';

export const UpdateIntegration: ApiOp<UpdateIntegrationCommandInput, UpdateIntegrationCommandOutput> = (input, ctx) => {
  const { api, method } = findMethod(ctx.state, input.restApiId!, input.resourceId!, input.httpMethod!);
  if (!method.methodIntegration) throw notFound.integration();
  const integration = structuredClone(method.methodIntegration);
  applyPatch(
    integration,
    input.patchOperations,
    [
      { path: '/uri', ops: ['replace'], kind: 'string' },
      { path: '/httpMethod', ops: ['replace'], kind: 'string' },
      { path: '/type', ops: ['replace'], kind: 'string' },
      { path: '/credentials', ops: ['replace'], kind: 'string' },
      { path: '/connectionType', ops: ['replace'], kind: 'string' },
      { path: '/connectionId', ops: ['replace'], kind: 'string' },
      { path: '/passthroughBehavior', ops: ['replace'], kind: 'string' },
      { path: '/contentHandling', ops: ['replace'], kind: 'string' },
      { path: '/timeoutInMillis', ops: ['replace'], kind: 'number' },
      { path: '/requestTemplates/*', ops: ['add', 'remove', 'replace'], kind: 'map' },
      { path: '/requestParameters/*', ops: ['add', 'remove', 'replace'], kind: 'map' },
      { path: '/cacheKeyParameters/*', ops: ['add', 'remove'], kind: 'listEntry' },
    ],
    'updateIntegrationInput',
  );
  method.methodIntegration = integration;
  ctx.state.saveApi(api);
  return integration;
};
