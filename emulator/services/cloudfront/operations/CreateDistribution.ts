import type { CreateDistributionCommandInput, CreateDistributionCommandOutput } from '@aws-sdk/client-cloudfront';
import type { CloudFrontOperation } from '../context.js';
import { createDistribution } from './create.js';

export const CreateDistribution: CloudFrontOperation<CreateDistributionCommandInput, CreateDistributionCommandOutput> = (input, ctx) =>
  createDistribution(input.DistributionConfig, [], ctx);
