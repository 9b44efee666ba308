import type { CloudFront } from '@aws-sdk/client-cloudfront';
import { importCommonJs } from '../../../core/lazy-import.js';
import type { Operation } from '../../../protocols/aws-json.js';
import type { CloudFrontContext } from '../context.js';
import { CreateDistribution } from './CreateDistribution.js';
import { CreateDistributionWithTags } from './CreateDistributionWithTags.js';
import { CreateInvalidation } from './CreateInvalidation.js';
import { DeleteDistribution } from './DeleteDistribution.js';
import { GetDistribution } from './GetDistribution.js';
import { GetDistributionConfig } from './GetDistributionConfig.js';
import { GetInvalidation } from './GetInvalidation.js';
import { ListDistributions } from './ListDistributions.js';
import { ListInvalidations } from './ListInvalidations.js';
import { ListTagsForResource } from './ListTagsForResource.js';
import { TagResource } from './TagResource.js';
import { UntagResource } from './UntagResource.js';
import { UpdateDistribution } from './UpdateDistribution.js';

/** Every CloudFront operation name, as the SDK spells it. */
export type CloudFrontOperationName = Capitalize<Exclude<keyof CloudFront, `paginate${string}` | `waitUntil${string}`>>;

export const OPERATIONS = {
  CreateDistribution,
  CreateDistributionWithTags,
  CreateInvalidation,
  DeleteDistribution,
  GetDistribution,
  GetDistributionConfig,
  GetInvalidation,
  ListDistributions,
  ListInvalidations,
  ListTagsForResource,
  TagResource,
  UntagResource,
  UpdateDistribution,
} satisfies Partial<Record<CloudFrontOperationName, Operation<any, any, CloudFrontContext>>>;

/**
 * The SDK's schema of each operation (its HTTP binding and shapes drive the restXml codec), and
 * every structure schema it holds. Loaded on the first control-plane request: the SDK module is
 * the largest thing the local cloud reads, and most runs never call CloudFront.
 */
export async function loadSchemas(): Promise<{ operations: Record<keyof typeof OPERATIONS, unknown>; all: unknown[] }> {
  const sdk = await importCommonJs(() => import('@aws-sdk/client-cloudfront'));
  const operations = Object.fromEntries(Object.keys(OPERATIONS).map((name) => [name, sdk[`${name}$` as keyof typeof sdk]])) as Record<
    keyof typeof OPERATIONS,
    unknown
  >;
  return { operations, all: Object.values(sdk).filter((value) => Array.isArray(value) && value[0] === 9) };
}
