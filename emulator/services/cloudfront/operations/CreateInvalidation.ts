import type { CreateInvalidationCommandInput, CreateInvalidationCommandOutput } from '@aws-sdk/client-cloudfront';
import { type CloudFrontOperation, requireDistribution } from '../context.js';
import { BatchTooLarge, InvalidArgument, inconsistentQuantities, MissingBody, missingMember } from '../errors.js';
import { type InvalidationRecord, newInvalidationId, propagationDelay } from '../state.js';
import { invalidationView } from '../views.js';

const MAX_PATHS = 3000;

/** Purges matching cached objects at once; the invalidation reads Completed after the propagation delay. */
export const CreateInvalidation: CloudFrontOperation<CreateInvalidationCommandInput, CreateInvalidationCommandOutput> = (input, ctx) => {
  const distribution = requireDistribution(ctx, input.DistributionId);
  const batch = input.InvalidationBatch;
  if (!batch) throw new MissingBody('This operation requires a body. Ensure that the body is present and the Content-Type header is set.');
  if (!batch.CallerReference) throw missingMember('CallerReference');
  if (!batch.Paths || typeof batch.Paths.Quantity !== 'number') throw missingMember('Paths');
  const paths = batch.Paths.Items ?? [];
  if (batch.Paths.Quantity !== paths.length) throw inconsistentQuantities('Paths');
  if (!paths.length) throw new InvalidArgument('Your request contains no invalidation paths.');
  if (paths.length > MAX_PATHS) throw new BatchTooLarge(`Invalidation batch specified is too large: at most ${MAX_PATHS} paths.`);
  if (paths.some((p) => !p.startsWith('/') || p.slice(0, -1).includes('*'))) {
    throw new InvalidArgument('Your request contains one or more invalid invalidation paths.');
  }
  const invalidations = ctx.state.invalidations(distribution.account, distribution.Id);
  const previous = invalidations.list().find((i) => i.batch.CallerReference === batch.CallerReference);
  const location = (id: string) => `https://cloudfront.amazonaws.com/2020-05-31/distribution/${distribution.Id}/invalidation/${id}`;
  if (previous) return { Location: location(previous.Id), Invalidation: invalidationView(previous) };

  const now = Date.now();
  const record: InvalidationRecord = {
    Id: newInvalidationId(),
    distributionId: distribution.Id,
    batch: { Paths: { Quantity: paths.length, Items: paths }, CallerReference: batch.CallerReference },
    createTime: now,
    completedAt: now + propagationDelay(),
  };
  invalidations.put(record.Id, record);
  ctx.cache.invalidate(distribution.Id, paths);
  return { Location: location(record.Id), Invalidation: { ...invalidationView(record), Status: 'InProgress' } };
};
