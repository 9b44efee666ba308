import type { CreateResourceCommandInput, CreateResourceCommandOutput } from '@aws-sdk/client-api-gateway';
import { randomLowerId } from '../../../core/ids.js';
import { notFound } from '../errors.js';
import type { StoredResource } from '../model.js';
import { childPath } from '../views.js';
import type { ApiOp } from './context.js';
import { checkNewChild } from './path-parts.js';

export const CreateResource: ApiOp<CreateResourceCommandInput, CreateResourceCommandOutput> = (input, ctx) => {
  const api = ctx.state.api(input.restApiId!);
  const parent = api.resources[input.parentId!];
  if (!parent) throw notFound.resource();
  checkNewChild(api, parent, input.pathPart);
  const resource: StoredResource = {
    id: randomLowerId(6),
    parentId: parent.id,
    pathPart: input.pathPart!,
    path: childPath(parent.path, input.pathPart!),
  };
  api.resources[resource.id] = resource;
  ctx.state.saveApi(api);
  return resource;
};
