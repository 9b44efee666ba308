import type { ListTagsForResourceCommandInput, ListTagsForResourceCommandOutput } from '@aws-sdk/client-cloudfront';
import type { CloudFrontOperation } from '../context.js';
import { taggedDistribution } from './tagged.js';

export const ListTagsForResource: CloudFrontOperation<ListTagsForResourceCommandInput, ListTagsForResourceCommandOutput> = (
  input,
  ctx,
) => ({
  Tags: { Items: taggedDistribution(ctx, input.Resource).tags },
});
