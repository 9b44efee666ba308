import type { GetDeploymentsCommandInput, GetDeploymentsCommandOutput } from '@aws-sdk/client-api-gateway';
import { paginate } from '../lookup.js';
import type { ApiOp } from './context.js';

export const GetDeployments: ApiOp<GetDeploymentsCommandInput, GetDeploymentsCommandOutput> = (input, ctx) => {
  ctx.state.api(input.restApiId!);
  const deployments = ctx.state
    .deployments(input.restApiId!)
    .list()
    .map((d) => d.deployment)
    .sort((a, b) => (a.createdDate ?? 0) - (b.createdDate ?? 0) || a.id.localeCompare(b.id));
  return paginate(deployments, input.position, input.limit, (d) => d.id);
};
