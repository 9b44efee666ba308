import type { GetDistributionConfigCommandInput, GetDistributionConfigCommandOutput } from '@aws-sdk/client-cloudfront';
import { type CloudFrontOperation, requireDistribution } from '../context.js';

export const GetDistributionConfig: CloudFrontOperation<GetDistributionConfigCommandInput, GetDistributionConfigCommandOutput> = (
  input,
  ctx,
) => {
  const record = requireDistribution(ctx, input.Id);
  return { DistributionConfig: record.config, ETag: record.ETag };
};
