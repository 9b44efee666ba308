import type { ListInvalidationsCommandInput, ListInvalidationsCommandOutput } from '@aws-sdk/client-cloudfront';
import { type CloudFrontOperation, requireDistribution } from '../context.js';
import { InvalidArgument } from '../errors.js';
import { invalidationSummary } from '../views.js';

/** Newest first; Marker is the id of the last invalidation of the previous page. */
export const ListInvalidations: CloudFrontOperation<ListInvalidationsCommandInput, ListInvalidationsCommandOutput> = (input, ctx) => {
  const distribution = requireDistribution(ctx, input.DistributionId);
  const max = input.MaxItems === undefined ? 100 : Number(input.MaxItems);
  if (!Number.isInteger(max) || max < 1 || max > 1000) throw new InvalidArgument('The parameter MaxItems must be between 1 and 1000.');
  const all = ctx.state
    .invalidations(distribution.account, distribution.Id)
    .list()
    .sort((a, b) => b.createTime - a.createTime || b.Id.localeCompare(a.Id));
  const start = input.Marker ? all.findIndex((i) => i.Id === input.Marker) + 1 : 0;
  const page = all.slice(start, start + max);
  const truncated = start + max < all.length;
  return {
    InvalidationList: {
      Marker: input.Marker ?? '',
      MaxItems: max,
      IsTruncated: truncated,
      Quantity: page.length,
      Items: page.map(invalidationSummary),
      ...(truncated ? { NextMarker: page[page.length - 1]!.Id } : {}),
    },
  };
};
