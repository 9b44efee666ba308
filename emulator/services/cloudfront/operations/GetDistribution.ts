import type { GetDistributionCommandInput, GetDistributionCommandOutput } from '@aws-sdk/client-cloudfront';
import { type CloudFrontOperation, inProgressInvalidations, requireDistribution } from '../context.js';
import { distributionView } from '../views.js';

export const GetDistribution: CloudFrontOperation<GetDistributionCommandInput, GetDistributionCommandOutput> = (input, ctx) => {
  const record = requireDistribution(ctx, input.Id);
  return { Distribution: distributionView(record, inProgressInvalidations(ctx, record)), ETag: record.ETag };
};
