import type { CreateDeploymentCommandInput, CreateDeploymentCommandOutput } from '@aws-sdk/client-api-gateway';
import { randomLowerId } from '../../../core/ids.js';
import { BadRequestException } from '../errors.js';
import { nowSeconds } from '../lookup.js';
import type { StoredRestApi } from '../model.js';
import { snapshotOf } from '../snapshot.js';
import type { ApiOp } from './context.js';
import { checkStageName, checkVariables, newStage } from './stages.js';

function checkDeployable(api: StoredRestApi): void {
  const methods = Object.values(api.resources).flatMap((r) => Object.values(r.resourceMethods ?? {}));
  if (!methods.length) throw new BadRequestException("The REST API doesn't contain any methods");
  if (methods.some((m) => !m.methodIntegration)) throw new BadRequestException('No integration defined for method');
}

export const CreateDeployment: ApiOp<CreateDeploymentCommandInput, CreateDeploymentCommandOutput> = (input, ctx) => {
  const api = ctx.state.api(input.restApiId!);
  if (input.stageName !== undefined) checkStageName(input.stageName);
  checkVariables(input.variables);
  checkDeployable(api);
  const deployment = {
    id: randomLowerId(6),
    ...(input.description ? { description: input.description } : {}),
    createdDate: nowSeconds(),
  };
  ctx.state.deployments(api.api.id).put(deployment.id, { deployment, snapshot: snapshotOf(api) });
  if (input.stageName) {
    const existing = api.stages[input.stageName];
    if (existing) {
      existing.deploymentId = deployment.id;
      if (input.variables) existing.variables = { ...existing.variables, ...input.variables };
      if (input.stageDescription) existing.description = input.stageDescription;
      existing.lastUpdatedDate = nowSeconds();
    } else {
      api.stages[input.stageName] = newStage(input.stageName, deployment.id, {
        description: input.stageDescription,
        variables: input.variables,
        tracingEnabled: input.tracingEnabled,
      });
    }
    ctx.state.saveApi(api);
  }
  return deployment;
};
