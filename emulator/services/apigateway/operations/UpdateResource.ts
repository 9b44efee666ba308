import type { UpdateResourceCommandInput, UpdateResourceCommandOutput } from '@aws-sdk/client-api-gateway';
import { BadRequestException, notFound } from '../errors.js';
import { findResource } from '../lookup.js';
import { validateOps } from '../patch.js';
import { resourceView } from '../views.js';
import type { ApiOp } from './context.js';
import { checkNewChild, repath } from './path-parts.js';

export const UpdateResource: ApiOp<UpdateResourceCommandInput, UpdateResourceCommandOutput> = (input, ctx) => {
  const { api, resource } = findResource(ctx.state, input.restApiId!, input.resourceId!);
  validateOps(input.patchOperations, 'updateResourceInput');
  let parentId = resource.parentId;
  let pathPart = resource.pathPart;
  for (const { op, path, value } of input.patchOperations ?? []) {
    if (path !== '/pathPart' && path !== '/parentId') {
      throw new BadRequestException(`Invalid patch path  '${path}' specified for op '${op}'. Must be one of: [/parentId, /pathPart]`);
    }
    if (op !== 'replace')
      throw new BadRequestException(`Invalid patch path  '${path}' specified for op '${op}'. Please choose supported operations`);
    if (path === '/parentId') {
      if (!value || !api.resources[value]) throw notFound.resource();
      for (let p: string | undefined = value; p; p = api.resources[p]?.parentId) {
        if (p === resource.id) throw new BadRequestException('Resources cannot be cyclical.');
      }
      parentId = value;
    } else {
      pathPart = value;
    }
  }
  if (!parentId) throw new BadRequestException('Cannot update the root resource');
  checkNewChild(api, api.resources[parentId]!, pathPart, resource.id);
  resource.parentId = parentId;
  resource.pathPart = pathPart;
  repath(api, resource);
  ctx.state.saveApi(api);
  return resourceView(resource, false);
};
