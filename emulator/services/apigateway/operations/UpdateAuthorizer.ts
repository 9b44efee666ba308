import type { UpdateAuthorizerCommandInput, UpdateAuthorizerCommandOutput } from '@aws-sdk/client-api-gateway';
import { notFound } from '../errors.js';
import { applyPatch } from '../patch.js';
import type { ApiOp } from './context.js';

export const UpdateAuthorizer: ApiOp<UpdateAuthorizerCommandInput, UpdateAuthorizerCommandOutput> = (input, ctx) => {
  const api = ctx.state.api(input.restApiId!);
  const authorizer = api.authorizers[input.authorizerId!];
  if (!authorizer) throw notFound.authorizer();
  const updated = structuredClone(authorizer);
  applyPatch(
    updated,
    input.patchOperations,
    [
      { path: '/name', ops: ['replace'], kind: 'string' },
      { path: '/type', ops: ['replace'], kind: 'string' },
      { path: '/authType', ops: ['replace'], kind: 'string' },
      { path: '/authorizerUri', ops: ['replace'], kind: 'string' },
      { path: '/authorizerCredentials', ops: ['replace'], kind: 'string' },
      { path: '/identitySource', ops: ['replace'], kind: 'string' },
      { path: '/identityValidationExpression', ops: ['replace'], kind: 'string' },
      { path: '/authorizerResultTtlInSeconds', ops: ['replace'], kind: 'number' },
      { path: '/providerARNs', ops: ['replace'], kind: 'stringList' },
      { path: '/providerARNs/*', ops: ['add', 'remove', 'replace'], kind: 'listEntry' },
    ],
    'updateAuthorizerInput',
  );
  api.authorizers[updated.id!] = updated;
  ctx.state.saveApi(api);
  return updated;
};
