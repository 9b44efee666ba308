import type { GetRestApisCommandInput, GetRestApisCommandOutput } from '@aws-sdk/client-api-gateway';
import { paginate } from '../lookup.js';
import type { ApiOp } from './context.js';

export const GetRestApis: ApiOp<GetRestApisCommandInput, GetRestApisCommandOutput> = (input, ctx) => {
  const apis = ctx.state.apis
    .list()
    .map((a) => a.api)
    .sort((a, b) => (a.createdDate ?? 0) - (b.createdDate ?? 0) || a.id.localeCompare(b.id));
  return paginate(apis, input.position, input.limit, (a) => a.id);
};
