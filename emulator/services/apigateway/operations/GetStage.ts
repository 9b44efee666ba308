import type { GetStageCommandInput, GetStageCommandOutput } from '@aws-sdk/client-api-gateway';
import { notFound } from '../errors.js';
import type { ApiOp } from './context.js';

export const GetStage: ApiOp<GetStageCommandInput, GetStageCommandOutput> = (input, ctx) => {
  const stage = ctx.state.api(input.restApiId!).stages[input.stageName!];
  if (!stage) throw notFound.stage();
  return stage;
};
