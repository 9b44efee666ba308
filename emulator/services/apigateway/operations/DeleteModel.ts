import type { DeleteModelCommandInput, DeleteModelCommandOutput } from '@aws-sdk/client-api-gateway';
import { ConflictException, notFound } from '../errors.js';
import type { ApiOp } from './context.js';

export const DeleteModel: ApiOp<DeleteModelCommandInput, DeleteModelCommandOutput> = (input, ctx) => {
  const api = ctx.state.apis.get(input.restApiId!);
  const name = input.modelName!;
  if (!api?.models[name]) throw notFound.model(name);
  for (const resource of Object.values(api.resources)) {
    for (const method of Object.values(resource.resourceMethods ?? {})) {
      if (Object.values(method.requestModels ?? {}).includes(name)) {
        throw new ConflictException(
          `Cannot delete model '${name}', is referenced in method request: ${resource.path}/${method.httpMethod}`,
        );
      }
    }
  }
  delete api.models[name];
  ctx.state.saveApi(api);
  return {};
};
