import type { CreateStageCommandInput, CreateStageCommandOutput } from '@aws-sdk/client-api-gateway';
import { ConflictException, notFound } from '../errors.js';
import type { ApiOp } from './context.js';
import { checkStageName, checkVariables, newStage } from './stages.js';

export const CreateStage: ApiOp<CreateStageCommandInput, CreateStageCommandOutput> = (input, ctx) => {
  const api = ctx.state.api(input.restApiId!);
  const name = checkStageName(input.stageName);
  checkVariables(input.variables);
  if (api.stages[name]) throw new ConflictException('Stage already exists');
  if (!input.deploymentId || !ctx.state.deployments(api.api.id).get(input.deploymentId)) throw notFound.deployment();
  const stage = newStage(name, input.deploymentId, input);
  api.stages[name] = stage;
  ctx.state.saveApi(api);
  return stage;
};
