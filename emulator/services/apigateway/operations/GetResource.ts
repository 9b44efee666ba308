import type { GetResourceCommandInput, GetResourceCommandOutput } from '@aws-sdk/client-api-gateway';
import { embeds, findResource } from '../lookup.js';
import { resourceView } from '../views.js';
import type { ApiOp } from './context.js';

export const GetResource: ApiOp<GetResourceCommandInput, GetResourceCommandOutput> = (input, ctx) => {
  const { resource } = findResource(ctx.state, input.restApiId!, input.resourceId!);
  return resourceView(resource, embeds(input.embed, 'methods'));
};
