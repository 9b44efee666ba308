import type { DeleteDeploymentCommandInput, DeleteDeploymentCommandOutput } from '@aws-sdk/client-api-gateway';
import { BadRequestException, notFound } from '../errors.js';
import type { ApiOp } from './context.js';

export const DeleteDeployment: ApiOp<DeleteDeploymentCommandInput, DeleteDeploymentCommandOutput> = (input, ctx) => {
  const api = ctx.state.api(input.restApiId!);
  const deployments = ctx.state.deployments(input.restApiId!);
  if (!deployments.get(input.deploymentId!)) throw notFound.deployment();
  if (Object.values(api.stages).some((s) => s.deploymentId === input.deploymentId)) {
    throw new BadRequestException('Active stages pointing to this deployment must be moved or deleted');
  }
  deployments.delete(input.deploymentId!);
  return {};
};
