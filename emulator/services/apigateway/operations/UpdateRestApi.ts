import type { UpdateRestApiCommandInput, UpdateRestApiCommandOutput } from '@aws-sdk/client-api-gateway';
import { BadRequestException } from '../errors.js';
import { applyPatch } from '../patch.js';
import type { ApiOp } from './context.js';

export const UpdateRestApi: ApiOp<UpdateRestApiCommandInput, UpdateRestApiCommandOutput> = (input, ctx) => {
  const stored = ctx.state.api(input.restApiId!);
  const api = structuredClone(stored.api);
  applyPatch(
    api,
    input.patchOperations,
    [
      { path: '/name', ops: ['replace'], kind: 'string' },
      { path: '/description', ops: ['replace'], kind: 'string' },
      { path: '/version', ops: ['replace'], kind: 'string' },
      { path: '/apiKeySource', ops: ['replace'], kind: 'string' },
      { path: '/policy', ops: ['replace'], kind: 'string' },
      { path: '/disableExecuteApiEndpoint', ops: ['replace'], kind: 'boolean' },
      { path: '/minimumCompressionSize', ops: ['replace'], kind: 'number' },
      { path: '/binaryMediaTypes/*', ops: ['add', 'remove', 'replace'], kind: 'listEntry' },
    ],
    'updateRestApiInput',
  );
  const compression = api.minimumCompressionSize;
  if (compression !== undefined && (!Number.isInteger(compression) || compression < 0 || compression > 10485760)) {
    throw new BadRequestException('Invalid minimum compression size, must be between 0 and 10485760');
  }
  if (!api.description) delete api.description;
  stored.api = api;
  ctx.state.saveApi(stored);
  return { ...api, tags: api.tags ?? {} };
};
