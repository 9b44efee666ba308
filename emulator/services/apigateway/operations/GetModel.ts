import type { GetModelCommandInput, GetModelCommandOutput } from '@aws-sdk/client-api-gateway';
import { notFound } from '../errors.js';
import { flattenedSchema } from '../model-schemas.js';
import type { ApiOp } from './context.js';

export const GetModel: ApiOp<GetModelCommandInput, GetModelCommandOutput> = (input, ctx) => {
  const models = ctx.state.apis.get(input.restApiId!)?.models;
  const model = models?.[input.modelName!];
  if (!models || !model) throw notFound.model(input.modelName!);
  const flatten = String(input.flatten) === 'true';
  return flatten ? { ...model, schema: flattenedSchema(models, model.name!) } : model;
};
