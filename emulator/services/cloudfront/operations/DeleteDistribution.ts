import type { DeleteDistributionCommandInput, DeleteDistributionCommandOutput } from '@aws-sdk/client-cloudfront';
import { type CloudFrontOperation, requireDistribution } from '../context.js';
import { DistributionNotDisabled } from '../errors.js';
import { distributionStatus } from '../views.js';
import { checkIfMatch } from './if-match.js';

/** Only a disabled distribution whose disabling has deployed can be deleted. */
export const DeleteDistribution: CloudFrontOperation<DeleteDistributionCommandInput, DeleteDistributionCommandOutput> = (input, ctx) => {
  const record = requireDistribution(ctx, input.Id);
  checkIfMatch(record, input.IfMatch);
  if (record.config.Enabled || distributionStatus(record) !== 'Deployed') {
    throw new DistributionNotDisabled('The distribution you are trying to delete has not been disabled.');
  }
  ctx.state.deleteDistribution(record);
  ctx.cache.purgeAll(record.Id);
  return {};
};
