import type { TagResourceCommandInput, TagResourceCommandOutput } from '@aws-sdk/client-api-gateway';
import type { ApiOp } from './context.js';
import { withTags } from './tags.js';

export const TagResource: ApiOp<TagResourceCommandInput, TagResourceCommandOutput> = (input, ctx) => {
  withTags(ctx, input.resourceArn!, (tags) => ({ ...tags, ...input.tags }));
  return {};
};
