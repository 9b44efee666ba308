import type { GetRequestValidatorsCommandInput, GetRequestValidatorsCommandOutput } from '@aws-sdk/client-api-gateway';
import { paginate } from '../lookup.js';
import type { ApiOp } from './context.js';

export const GetRequestValidators: ApiOp<GetRequestValidatorsCommandInput, GetRequestValidatorsCommandOutput> = (input, ctx) => {
  const validators = Object.values(ctx.state.api(input.restApiId!).requestValidators);
  return paginate(validators, input.position, input.limit, (v) => v.id!);
};
