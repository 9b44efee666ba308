import type { UpdateMethodCommandInput, UpdateMethodCommandOutput } from '@aws-sdk/client-api-gateway';
import { findMethod } from '../lookup.js';
import { applyPatch } from '../patch.js';
import type { ApiOp } from './context.js';
import { checkMethodReferences, methodView, needsAuthorizer } from './method-checks.js';

export const UpdateMethod: ApiOp<UpdateMethodCommandInput, UpdateMethodCommandOutput> = (input, ctx) => {
  const { api, resource, method } = findMethod(ctx.state, input.restApiId!, input.resourceId!, input.httpMethod!);
  const updated = structuredClone(method);
  applyPatch(
    updated,
    input.patchOperations,
    [
      { path: '/authorizationType', ops: ['replace'], kind: 'string' },
      { path: '/authorizerId', ops: ['replace'], kind: 'string' },
      { path: '/apiKeyRequired', ops: ['replace'], kind: 'boolean' },
      { path: '/operationName', ops: ['replace'], kind: 'string' },
      { path: '/requestValidatorId', ops: ['replace'], kind: 'string' },
      { path: '/requestParameters/*', ops: ['add', 'remove', 'replace'], kind: 'boolMap' },
      { path: '/requestModels/*', ops: ['add', 'remove', 'replace'], kind: 'map' },
      { path: '/authorizationScopes', ops: ['add', 'remove', 'replace'], kind: 'stringList' },
    ],
    'updateMethodInput',
  );
  if (!needsAuthorizer(updated.authorizationType)) delete updated.authorizerId;
  if (!updated.requestValidatorId) delete updated.requestValidatorId;
  checkMethodReferences(api, updated);
  resource.resourceMethods![input.httpMethod!] = updated;
  ctx.state.saveApi(api);
  return methodView(updated);
};
