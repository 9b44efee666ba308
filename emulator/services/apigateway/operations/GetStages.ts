import type { GetStagesCommandInput, GetStagesCommandOutput } from '@aws-sdk/client-api-gateway';
import type { ApiOp } from './context.js';

export const GetStages: ApiOp<GetStagesCommandInput, GetStagesCommandOutput> = (input, ctx) => {
  const stages = Object.values(ctx.state.api(input.restApiId!).stages)
    .filter((s) => !input.deploymentId || s.deploymentId === input.deploymentId)
    .sort((a, b) => a.stageName.localeCompare(b.stageName));
  return { item: stages };
};
