import { requestId } from '../core/ids.js';
import type { CloudFrontContext } from '../services/cloudfront/context.js';
import type { CloudFrontService } from '../services/cloudfront/index.js';
import { CreateInvalidation } from '../services/cloudfront/operations/CreateInvalidation.js';
import { GetDistribution } from '../services/cloudfront/operations/GetDistribution.js';
import { ListDistributions } from '../services/cloudfront/operations/ListDistributions.js';
import { ListInvalidations } from '../services/cloudfront/operations/ListInvalidations.js';
import type { ConsoleRequest, Endpoint } from './endpoint.js';
import { BadRequest } from './params.js';

/** CloudFront speaks XML: its operations are called directly, with the service's own state and cache. */
function context({ deps, scope }: ConsoleRequest): { ctx: CloudFrontContext; service: CloudFrontService } {
  if (!deps.services.has('cloudfront')) throw new BadRequest('The cloudfront service is not running.');
  const service = deps.services.get<CloudFrontService>('cloudfront');
  return {
    service,
    ctx: {
      account: scope.account,
      region: scope.region,
      requestId: requestId(),
      edgeUrl: scope.edgeUrl,
      state: service.state,
      cache: service.cache,
    },
  };
}

function localUrl(edgeUrl: string, id: string): string {
  const port = new URL(edgeUrl).port;
  return `http://${id.toLowerCase()}.cloudfront.localhost${port ? `:${port}` : ''}/`;
}

export const distributions: Endpoint = async (req) => {
  const { ctx, service } = context(req);
  const items = [];
  let marker: string | undefined;
  do {
    const { DistributionList } = await ListDistributions({ Marker: marker, MaxItems: 1000 }, ctx);
    items.push(...(DistributionList?.Items ?? []));
    marker = DistributionList?.NextMarker;
  } while (marker);
  return {
    distributions: items.map((d) => ({
      id: d.Id,
      domainName: d.DomainName,
      status: d.Status,
      enabled: d.Enabled,
      comment: d.Comment,
      origins: (d.Origins?.Items ?? []).map((o) => o.DomainName),
      url: localUrl(req.scope.edgeUrl, d.Id!),
      cache: service.cache.statisticsOf(d.Id!),
    })),
  };
};

/** A distribution's configuration, its cache statistics and its recent invalidations. */
export const distribution: Endpoint = async (req) => {
  const { ctx, service } = context(req);
  const id = req.params.required('id', 32);
  const { Distribution, ETag } = await GetDistribution({ Id: id }, ctx);
  const { InvalidationList } = await ListInvalidations({ DistributionId: id, MaxItems: 20 }, ctx);
  const config = Distribution?.DistributionConfig;
  return {
    id,
    eTag: ETag,
    domainName: Distribution?.DomainName,
    status: Distribution?.Status,
    lastModified: Distribution?.LastModifiedTime,
    url: localUrl(req.scope.edgeUrl, id),
    enabled: config?.Enabled,
    comment: config?.Comment,
    defaultRootObject: config?.DefaultRootObject,
    origins: (config?.Origins?.Items ?? []).map((o) => ({ id: o.Id, domainName: o.DomainName, path: o.OriginPath })),
    behaviors: [
      ...(config?.CacheBehaviors?.Items ?? []).map((b) => ({
        pathPattern: b.PathPattern,
        origin: b.TargetOriginId,
        cachePolicyId: b.CachePolicyId,
        minTtl: b.MinTTL,
        defaultTtl: b.DefaultTTL,
        maxTtl: b.MaxTTL,
      })),
      config?.DefaultCacheBehavior && {
        pathPattern: '*',
        origin: config.DefaultCacheBehavior.TargetOriginId,
        cachePolicyId: config.DefaultCacheBehavior.CachePolicyId,
        minTtl: config.DefaultCacheBehavior.MinTTL,
        defaultTtl: config.DefaultCacheBehavior.DefaultTTL,
        maxTtl: config.DefaultCacheBehavior.MaxTTL,
      },
    ].filter(Boolean),
    customErrorResponses: config?.CustomErrorResponses?.Items ?? [],
    cache: service.cache.statisticsOf(id),
    invalidations: (InvalidationList?.Items ?? []).map((i) => ({ id: i.Id, status: i.Status, createTime: i.CreateTime })),
  };
};

/** Action: an invalidation of `paths` (default `/*`), as CreateInvalidation makes it. */
export const invalidate: Endpoint = async (req) => {
  const { ctx } = context(req);
  const id = req.params.required('id', 32);
  const paths = (req.params.optional('paths', 4096) ?? '/*')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const { Invalidation } = await CreateInvalidation(
    {
      DistributionId: id,
      InvalidationBatch: { CallerReference: `console-${Date.now()}-${requestId()}`, Paths: { Quantity: paths.length, Items: paths } },
    },
    ctx,
  );
  return { id: Invalidation?.Id, status: Invalidation?.Status, paths };
};
