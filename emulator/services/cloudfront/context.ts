import type { Operation, OperationContext } from '../../protocols/aws-json.js';
import type { EdgeCache } from './dataplane/cache.js';
import { noSuchDistribution } from './errors.js';
import type { CloudFrontState, DistributionRecord } from './state.js';
import { invalidationStatus } from './views.js';

export interface CloudFrontContext extends OperationContext {
  state: CloudFrontState;
  cache: EdgeCache;
  /** Base of the local data-plane URLs, e.g. http://localhost:4566 */
  edgeUrl: string;
}

/** Outputs as operations return them: the SDK's output type without the response metadata. */
export type CloudFrontOperation<I, O> = Operation<I, Omit<O, '$metadata'>, CloudFrontContext>;

/** A distribution of the caller's account. */
export function requireDistribution(ctx: CloudFrontContext, id: string | undefined): DistributionRecord {
  const record = id ? ctx.state.distributions(ctx.account).get(id) : undefined;
  if (!record) throw noSuchDistribution();
  return record;
}

export function inProgressInvalidations(ctx: CloudFrontContext, record: DistributionRecord): number {
  return ctx.state
    .invalidations(record.account, record.Id)
    .list()
    .filter((i) => invalidationStatus(i) === 'InProgress').length;
}
