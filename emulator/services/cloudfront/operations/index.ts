import {
  type CloudFront,
  CreateDistribution$,
  CreateDistributionWithTags$,
  CreateInvalidation$,
  DeleteDistribution$,
  GetDistribution$,
  GetDistributionConfig$,
  GetInvalidation$,
  ListDistributions$,
  ListInvalidations$,
  ListTagsForResource$,
  TagResource$,
  UntagResource$,
  UpdateDistribution$,
} from '@aws-sdk/client-cloudfront';
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

/** The SDK's schema of each operation: its HTTP binding and shapes drive the restXml codec. */
export const SCHEMAS: Record<keyof typeof OPERATIONS, unknown> = {
  CreateDistribution: CreateDistribution$,
  CreateDistributionWithTags: CreateDistributionWithTags$,
  CreateInvalidation: CreateInvalidation$,
  DeleteDistribution: DeleteDistribution$,
  GetDistribution: GetDistribution$,
  GetDistributionConfig: GetDistributionConfig$,
  GetInvalidation: GetInvalidation$,
  ListDistributions: ListDistributions$,
  ListInvalidations: ListInvalidations$,
  ListTagsForResource: ListTagsForResource$,
  TagResource: TagResource$,
  UntagResource: UntagResource$,
  UpdateDistribution: UpdateDistribution$,
};
