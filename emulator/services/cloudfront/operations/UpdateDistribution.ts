import type { UpdateDistributionCommandInput, UpdateDistributionCommandOutput } from '@aws-sdk/client-cloudfront';
import { validateConfig, withDefaults } from '../config.js';
import { type CloudFrontOperation, inProgressInvalidations, requireDistribution } from '../context.js';
import { IllegalUpdate, MissingBody } from '../errors.js';
import { newETag, propagationDelay } from '../state.js';
import { distributionView } from '../views.js';
import { checkIfMatch } from './if-match.js';

export const UpdateDistribution: CloudFrontOperation<UpdateDistributionCommandInput, UpdateDistributionCommandOutput> = (input, ctx) => {
  const record = requireDistribution(ctx, input.Id);
  if (!input.DistributionConfig) {
    throw new MissingBody('This operation requires a body. Ensure that the body is present and the Content-Type header is set.');
  }
  checkIfMatch(record, input.IfMatch);
  validateConfig(input.DistributionConfig);
  if (input.DistributionConfig.CallerReference !== record.config.CallerReference) {
    throw new IllegalUpdate('The update contains modifications that are not allowed: CallerReference cannot be changed.');
  }
  const now = Date.now();
  const updated = {
    ...record,
    ETag: newETag(),
    config: withDefaults(input.DistributionConfig),
    lastModified: now,
    deployedAt: now + propagationDelay(),
  };
  ctx.state.putDistribution(updated);
  return { Distribution: distributionView(updated, inProgressInvalidations(ctx, updated), 'InProgress'), ETag: updated.ETag };
};
