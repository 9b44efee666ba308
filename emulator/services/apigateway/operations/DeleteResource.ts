import type { DeleteResourceCommandInput, DeleteResourceCommandOutput } from '@aws-sdk/client-api-gateway';
import { BadRequestException } from '../errors.js';
import { findResource } from '../lookup.js';
import type { StoredRestApi } from '../model.js';
import type { ApiOp } from './context.js';

function deleteTree(api: StoredRestApi, id: string): void {
  delete api.resources[id];
  for (const child of Object.values(api.resources)) if (child.parentId === id) deleteTree(api, child.id);
}

export const DeleteResource: ApiOp<DeleteResourceCommandInput, DeleteResourceCommandOutput> = (input, ctx) => {
  const { api, resource } = findResource(ctx.state, input.restApiId!, input.resourceId!);
  if (resource.id === api.api.rootResourceId) throw new BadRequestException('Cannot delete root resource');
  deleteTree(api, resource.id);
  ctx.state.saveApi(api);
  return {};
};
