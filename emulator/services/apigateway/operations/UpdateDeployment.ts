import type { UpdateDeploymentCommandInput, UpdateDeploymentCommandOutput } from '@aws-sdk/client-api-gateway';
import { notFound } from '../errors.js';
import { applyPatch } from '../patch.js';
import type { ApiOp } from './context.js';

export const UpdateDeployment: ApiOp<UpdateDeploymentCommandInput, UpdateDeploymentCommandOutput> = (input, ctx) => {
  ctx.state.api(input.restApiId!);
  const deployments = ctx.state.deployments(input.restApiId!);
  const stored = deployments.get(input.deploymentId!);
  if (!stored) throw notFound.deployment();
  applyPatch(
    stored.deployment,
    input.patchOperations,
    [{ path: '/description', ops: ['replace'], kind: 'string' }],
    'updateDeploymentInput',
  );
  deployments.put(stored.deployment.id, stored);
  return stored.deployment;
};
