import type { GetRestApiCommandInput, GetRestApiCommandOutput } from '@aws-sdk/client-api-gateway';
import type { ApiOp } from './context.js';

export const GetRestApi: ApiOp<GetRestApiCommandInput, GetRestApiCommandOutput> = (input, ctx) => ctx.state.api(input.restApiId!).api;
