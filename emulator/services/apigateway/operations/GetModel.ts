import type { GetModelCommandInput, GetModelCommandOutput } from '@aws-sdk/client-api-gateway';
import { notFound } from '../errors.js';
import type { ApiOp } from './context.js';

export const GetModel: ApiOp<GetModelCommandInput, GetModelCommandOutput> = (input, ctx) => {
  const model = ctx.state.apis.get(input.restApiId!)?.models[input.modelName!];
  if (!model) throw notFound.model(input.modelName!);
  return model;
};
