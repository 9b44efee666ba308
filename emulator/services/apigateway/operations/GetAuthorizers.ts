import type { GetAuthorizersCommandInput, GetAuthorizersCommandOutput } from '@aws-sdk/client-api-gateway';
import { paginate } from '../lookup.js';
import type { ApiOp } from './context.js';

export const GetAuthorizers: ApiOp<GetAuthorizersCommandInput, GetAuthorizersCommandOutput> = (input, ctx) => {
  const authorizers = Object.values(ctx.state.api(input.restApiId!).authorizers);
  return paginate(authorizers, input.position, input.limit, (a) => a.id!);
};
