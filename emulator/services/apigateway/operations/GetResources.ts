import type { GetResourcesCommandInput, GetResourcesCommandOutput } from '@aws-sdk/client-api-gateway';
import { embeds, paginate } from '../lookup.js';
import { resourceView, sortedResources } from '../views.js';
import type { ApiOp } from './context.js';

export const GetResources: ApiOp<GetResourcesCommandInput, GetResourcesCommandOutput> = (input, ctx) => {
  const api = ctx.state.api(input.restApiId!);
  const withMethods = embeds(input.embed, 'methods');
  const page = paginate(sortedResources(api.resources), input.position, input.limit, (r) => r.id);
  return { items: page.items.map((r) => resourceView(r, withMethods)), ...(page.position ? { position: page.position } : {}) };
};
