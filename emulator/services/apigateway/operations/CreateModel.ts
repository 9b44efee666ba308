import type { CreateModelCommandInput, CreateModelCommandOutput } from '@aws-sdk/client-api-gateway';
import { randomLowerId } from '../../../core/ids.js';
import { BadRequestException, ConflictException } from '../errors.js';
import { checkModelSchema } from '../model-schemas.js';
import type { ApiOp } from './context.js';

export const EMPTY_SCHEMA = 'Model schema must have at least 1 property or array items defined';

export const CreateModel: ApiOp<CreateModelCommandInput, CreateModelCommandOutput> = (input, ctx) => {
  const api = ctx.state.api(input.restApiId!);
  if (!input.name) throw new BadRequestException('Model name must be non-empty');
  if (api.models[input.name]) throw new ConflictException('Model name already exists for this REST API');
  if (!input.schema) throw new BadRequestException(EMPTY_SCHEMA);
  checkModelSchema(input.schema);
  const model = {
    id: randomLowerId(6),
    name: input.name,
    contentType: input.contentType,
    ...(input.description ? { description: input.description } : {}),
    schema: input.schema,
  };
  api.models[model.name] = model;
  ctx.state.saveApi(api);
  return model;
};
