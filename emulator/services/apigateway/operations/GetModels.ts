import type { GetModelsCommandInput, GetModelsCommandOutput } from '@aws-sdk/client-api-gateway';
import { paginate } from '../lookup.js';
import type { ApiOp } from './context.js';

export const GetModels: ApiOp<GetModelsCommandInput, GetModelsCommandOutput> = (input, ctx) => {
  const models = Object.values(ctx.state.api(input.restApiId!).models).sort((a, b) => a.name!.localeCompare(b.name!));
  return paginate(models, input.position, input.limit, (m) => m.id!);
};
