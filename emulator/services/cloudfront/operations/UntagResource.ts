import type { UntagResourceCommandInput, UntagResourceCommandOutput } from '@aws-sdk/client-cloudfront';
import type { CloudFrontOperation } from '../context.js';
import { taggedDistribution } from './tagged.js';

export const UntagResource: CloudFrontOperation<UntagResourceCommandInput, UntagResourceCommandOutput> = (input, ctx) => {
  const record = taggedDistribution(ctx, input.Resource);
  const removed = new Set(input.TagKeys?.Items ?? []);
  ctx.state.putDistribution({ ...record, tags: record.tags.filter((t) => !removed.has(t.Key!)) });
  return {};
};
