import type { UntagResourceCommandInput, UntagResourceCommandOutput } from '@aws-sdk/client-api-gateway';
import type { ApiOp } from './context.js';
import { withTags } from './tags.js';

export const UntagResource: ApiOp<UntagResourceCommandInput, UntagResourceCommandOutput> = (input, ctx) => {
  const keys = new Set(Array.isArray(input.tagKeys) ? input.tagKeys : input.tagKeys ? [input.tagKeys as unknown as string] : []);
  withTags(ctx, input.resourceArn!, (tags) => Object.fromEntries(Object.entries(tags).filter(([k]) => !keys.has(k))));
  return {};
};
