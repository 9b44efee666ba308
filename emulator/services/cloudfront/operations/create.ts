import type { CreateDistributionResult, DistributionConfig, Tag } from '@aws-sdk/client-cloudfront';
import { validateConfig, withDefaults } from '../config.js';
import type { CloudFrontContext } from '../context.js';
import { DistributionAlreadyExists, InvalidTagging, MissingBody } from '../errors.js';
import { type DistributionRecord, newDistributionId, newETag, propagationDelay } from '../state.js';
import { distributionView } from '../views.js';

export function checkTags(tags: Tag[] | undefined): Tag[] {
  for (const tag of tags ?? []) {
    if (!tag.Key || tag.Key.length > 128) throw new InvalidTagging('Tag keys must be between 1 and 128 characters.');
    if ((tag.Value ?? '').length > 256) throw new InvalidTagging('Tag values must be at most 256 characters.');
  }
  if ((tags?.length ?? 0) > 50) throw new InvalidTagging('A distribution can have at most 50 tags.');
  return (tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value ?? '' }));
}

/** CreateDistribution and CreateDistributionWithTags. */
export function createDistribution(config: DistributionConfig | undefined, tags: Tag[], ctx: CloudFrontContext): CreateDistributionResult {
  if (!config) throw new MissingBody('This operation requires a body. Ensure that the body is present and the Content-Type header is set.');
  validateConfig(config);
  const existing = ctx.state
    .distributions(ctx.account)
    .list()
    .find((d) => d.config.CallerReference === config.CallerReference);
  if (existing) {
    throw new DistributionAlreadyExists(
      `The caller reference that you are using to create a distribution is associated with another distribution. Already exists: ${existing.Id}`,
    );
  }
  const now = Date.now();
  const record: DistributionRecord = {
    Id: newDistributionId(),
    account: ctx.account,
    ETag: newETag(),
    config: withDefaults(config),
    tags: checkTags(tags),
    lastModified: now,
    deployedAt: now + propagationDelay(),
  };
  ctx.state.putDistribution(record);
  return {
    Distribution: distributionView(record, 0, 'InProgress'),
    Location: `https://cloudfront.amazonaws.com/2020-05-31/distribution/${record.Id}`,
    ETag: record.ETag,
  };
}
