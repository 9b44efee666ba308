import type { UpdateMethodResponseCommandInput, UpdateMethodResponseCommandOutput } from '@aws-sdk/client-api-gateway';
import { invalidStatusCode, notFound } from '../errors.js';
import { findMethod } from '../lookup.js';
import { applyPatch } from '../patch.js';
import type { ApiOp } from './context.js';

export const UpdateMethodResponse: ApiOp<UpdateMethodResponseCommandInput, UpdateMethodResponseCommandOutput> = (input, ctx) => {
  const invalid = invalidStatusCode(input.statusCode);
  if (invalid) throw invalid;
  const { api, method } = findMethod(ctx.state, input.restApiId!, input.resourceId!, input.httpMethod!);
  const response = method.methodResponses?.[input.statusCode!];
  if (!response) throw notFound.responseStatus();
  applyPatch(
    response,
    input.patchOperations,
    [
      { path: '/responseParameters/*', ops: ['add', 'remove', 'replace'], kind: 'boolMap' },
      { path: '/responseModels/*', ops: ['add', 'remove', 'replace'], kind: 'map' },
    ],
    'updateMethodResponseInput',
  );
  ctx.state.saveApi(api);
  return response;
};
