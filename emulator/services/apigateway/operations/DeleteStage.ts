import type { DeleteStageCommandInput, DeleteStageCommandOutput } from '@aws-sdk/client-api-gateway';
import { notFound } from '../errors.js';
import type { ApiOp } from './context.js';

export const DeleteStage: ApiOp<DeleteStageCommandInput, DeleteStageCommandOutput> = (input, ctx) => {
  const api = ctx.state.api(input.restApiId!);
  if (!api.stages[input.stageName!]) throw notFound.stage();
  delete api.stages[input.stageName!];
  ctx.state.saveApi(api);
  return {};
};
