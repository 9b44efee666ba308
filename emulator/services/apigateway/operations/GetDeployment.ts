import type { GetDeploymentCommandInput, GetDeploymentCommandOutput } from '@aws-sdk/client-api-gateway';
import { notFound } from '../errors.js';
import { embeds } from '../lookup.js';
import type { ApiOp } from './context.js';

export const GetDeployment: ApiOp<GetDeploymentCommandInput, GetDeploymentCommandOutput> = (input, ctx) => {
  ctx.state.api(input.restApiId!);
  const stored = ctx.state.deployments(input.restApiId!).get(input.deploymentId!);
  if (!stored) throw notFound.deployment();
  if (!embeds(input.embed, 'apisummary')) return stored.deployment;
  const apiSummary: Record<string, Record<string, { authorizationType?: string; apiKeyRequired?: boolean }>> = {};
  for (const resource of Object.values(stored.snapshot.resources)) {
    for (const [verb, method] of Object.entries(resource.resourceMethods ?? {})) {
      apiSummary[resource.path] = {
        ...apiSummary[resource.path],
        [verb]: { authorizationType: method.authorizationType, apiKeyRequired: method.apiKeyRequired },
      };
    }
  }
  return { ...stored.deployment, apiSummary };
};
