import type { ListDistributionsCommandInput, ListDistributionsCommandOutput } from '@aws-sdk/client-cloudfront';
import type { CloudFrontOperation } from '../context.js';
import { InvalidArgument } from '../errors.js';
import { summaryView } from '../views.js';

/** Pages by Marker (the id to start after), sorted by id. */
export const ListDistributions: CloudFrontOperation<ListDistributionsCommandInput, ListDistributionsCommandOutput> = (input, ctx) => {
  const max = input.MaxItems === undefined ? 100 : Number(input.MaxItems);
  if (!Number.isInteger(max) || max < 1 || max > 1000) throw new InvalidArgument('The parameter MaxItems must be between 1 and 1000.');
  const all = ctx.state
    .distributions(ctx.account)
    .list()
    .sort((a, b) => a.Id.localeCompare(b.Id));
  const start = input.Marker ? all.findIndex((d) => d.Id > input.Marker!) : 0;
  const page = start < 0 ? [] : all.slice(start, start + max);
  const truncated = start >= 0 && start + max < all.length;
  return {
    DistributionList: {
      Marker: input.Marker ?? '',
      MaxItems: max,
      IsTruncated: truncated,
      Quantity: page.length,
      Items: page.map(summaryView),
      ...(truncated ? { NextMarker: page[page.length - 1]!.Id } : {}),
    },
  };
};
