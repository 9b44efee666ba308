import type { TagResourceCommandInput, TagResourceCommandOutput } from '@aws-sdk/client-cloudfront';
import type { CloudFrontOperation } from '../context.js';
import { checkTags } from './create.js';
import { taggedDistribution } from './tagged.js';

export const TagResource: CloudFrontOperation<TagResourceCommandInput, TagResourceCommandOutput> = (input, ctx) => {
  const record = taggedDistribution(ctx, input.Resource);
  const tags = new Map(record.tags.map((t) => [t.Key!, t.Value ?? '']));
  for (const tag of checkTags(input.Tags?.Items)) tags.set(tag.Key!, tag.Value ?? '');
  ctx.state.putDistribution({ ...record, tags: checkTags([...tags].map(([Key, Value]) => ({ Key, Value }))) });
  return {};
};
