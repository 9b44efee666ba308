import type { CreateDistributionWithTagsCommandInput, CreateDistributionWithTagsCommandOutput } from '@aws-sdk/client-cloudfront';
import type { CloudFrontOperation } from '../context.js';
import { createDistribution } from './create.js';

export const CreateDistributionWithTags: CloudFrontOperation<
  CreateDistributionWithTagsCommandInput,
  CreateDistributionWithTagsCommandOutput
> = (input, ctx) =>
  createDistribution(input.DistributionConfigWithTags?.DistributionConfig, input.DistributionConfigWithTags?.Tags?.Items ?? [], ctx);
