import type { GetInvalidationCommandInput, GetInvalidationCommandOutput } from '@aws-sdk/client-cloudfront';
import { type CloudFrontOperation, requireDistribution } from '../context.js';
import { noSuchInvalidation } from '../errors.js';
import { invalidationView } from '../views.js';

export const GetInvalidation: CloudFrontOperation<GetInvalidationCommandInput, GetInvalidationCommandOutput> = (input, ctx) => {
  const distribution = requireDistribution(ctx, input.DistributionId);
  const record = input.Id ? ctx.state.invalidations(distribution.account, distribution.Id).get(input.Id) : undefined;
  if (!record) throw noSuchInvalidation();
  return { Invalidation: invalidationView(record) };
};
