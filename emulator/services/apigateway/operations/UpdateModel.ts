import type { UpdateModelCommandInput, UpdateModelCommandOutput } from '@aws-sdk/client-api-gateway';
import { BadRequestException, notFound } from '../errors.js';
import { checkModelSchema } from '../model-schemas.js';
import { validateOps } from '../patch.js';
import { EMPTY_SCHEMA } from './CreateModel.js';
import type { ApiOp } from './context.js';

export const UpdateModel: ApiOp<UpdateModelCommandInput, UpdateModelCommandOutput> = (input, ctx) => {
  const api = ctx.state.apis.get(input.restApiId!);
  const model = api?.models[input.modelName!];
  if (!api || !model) throw notFound.model(input.modelName!);
  validateOps(input.patchOperations, 'updateModelInput');
  for (const { op, path, value } of input.patchOperations ?? []) {
    if (op !== 'replace')
      throw new BadRequestException(`Invalid patch path  '${path}' specified for op '${op}'. Please choose supported operations`);
    if (path !== '/schema' && path !== '/description') {
      throw new BadRequestException(`Invalid patch path  '${path}' specified for op 'replace'. Must be one of: [/description, /schema]`);
    }
    if (path === '/schema') {
      if (!value) throw new BadRequestException(EMPTY_SCHEMA);
      checkModelSchema(value);
      model.schema = value;
    } else if (value) model.description = value;
    else delete model.description;
  }
  ctx.state.saveApi(api);
  return model;
};
