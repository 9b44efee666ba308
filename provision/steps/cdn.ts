import {
  CreateDistributionWithTagsCommand,
  CreateInvalidationCommand,
  type CustomErrorResponses,
  type DistributionConfig,
  type DistributionSummary,
  GetDistributionConfigCommand,
  ListDistributionsCommand,
  TagResourceCommand,
  UpdateDistributionCommand,
} from '@aws-sdk/client-cloudfront';
import { STACK } from '../stack.js';
import type { Clients } from '../target.js';

export interface DistributionOutputs {
  distributionId: string;
  /** `dxxxx.cloudfront.net` on AWS (the API's DomainName everywhere). */
  domainName: string;
  /** The chat through the CDN: `https://{domainName}/` on AWS, `http://{id}.cloudfront.localhost:PORT/` on the local cloud. */
  url: string;
}

/** AWS's managed cache policy "CachingOptimized" (TTL 1 s – 1 year, default 1 day; no query strings or cookies). */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ORIGIN_ID = 'website';

/** Regions whose website endpoint is `s3-website-REGION` (the older dash form); the others use `s3-website.REGION`. */
const DASH_REGIONS = new Set([
  'us-east-1',
  'us-west-1',
  'us-west-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'eu-west-1',
  'sa-east-1',
  'us-gov-west-1',
]);

/** The bucket's S3 website endpoint, CloudFront's custom origin (the local cloud resolves it to its own S3). */
export function websiteOriginDomain(bucket: string, region: string): string {
  return DASH_REGIONS.has(region) ? `${bucket}.s3-website-${region}.amazonaws.com` : `${bucket}.s3-website.${region}.amazonaws.com`;
}

/** How the stack recognises its distribution among the account's: by this comment (and its tag). */
export function distributionComment(bucket: string): string {
  return `${STACK.tag.value}: chat client from ${bucket}`;
}

/**
 * A single-page app: S3 answers a missing key with 404, or 403 when the policy does not grant
 * s3:ListBucket (this bucket's case); both fall back to /index.html with 200 so deep links load the app.
 */
const SPA_FALLBACK: CustomErrorResponses = {
  Quantity: 2,
  Items: [403, 404].map((code) => ({ ErrorCode: code, ResponsePagePath: '/index.html', ResponseCode: '200', ErrorCachingMinTTL: 0 })),
};

function desiredConfig(bucket: string, region: string, callerReference: string): DistributionConfig {
  return {
    CallerReference: callerReference,
    Comment: distributionComment(bucket),
    Enabled: true,
    DefaultRootObject: 'index.html',
    PriceClass: 'PriceClass_100',
    Origins: {
      Quantity: 1,
      Items: [
        {
          Id: ORIGIN_ID,
          DomainName: websiteOriginDomain(bucket, region),
          CustomOriginConfig: {
            HTTPPort: 80,
            HTTPSPort: 443,
            // Website endpoints speak HTTP only.
            OriginProtocolPolicy: 'http-only',
            OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2'] },
            OriginReadTimeout: 30,
            OriginKeepaliveTimeout: 5,
          },
        },
      ],
    },
    DefaultCacheBehavior: {
      TargetOriginId: ORIGIN_ID,
      ViewerProtocolPolicy: 'redirect-to-https',
      CachePolicyId: CACHING_OPTIMIZED,
      Compress: true,
      AllowedMethods: { Quantity: 2, Items: ['GET', 'HEAD'], CachedMethods: { Quantity: 2, Items: ['GET', 'HEAD'] } },
    },
    CustomErrorResponses: SPA_FALLBACK,
  };
}

/** What the stack decides in a distribution's config; the rest (defaults AWS fills in) is left as found. */
function differs(current: DistributionConfig, desired: DistributionConfig): boolean {
  const pick = (c: DistributionConfig) =>
    JSON.stringify([
      c.Comment,
      c.Enabled,
      c.DefaultRootObject,
      c.Origins?.Items?.map((o) => [o.Id, o.DomainName, o.CustomOriginConfig?.OriginProtocolPolicy]),
      c.DefaultCacheBehavior?.TargetOriginId,
      c.DefaultCacheBehavior?.CachePolicyId,
      c.DefaultCacheBehavior?.ViewerProtocolPolicy,
      c.CustomErrorResponses?.Items?.map((r) => [r.ErrorCode, r.ResponsePagePath, r.ResponseCode, r.ErrorCachingMinTTL]),
    ]);
  return pick(current) !== pick(desired);
}

async function findDistribution(clients: Clients, comment: string): Promise<DistributionSummary | undefined> {
  let marker: string | undefined;
  do {
    const page = await clients.cloudfront.send(new ListDistributionsCommand({ Marker: marker }));
    const found = page.DistributionList?.Items?.find((d) => d.Comment === comment);
    if (found) return found;
    marker = page.DistributionList?.IsTruncated ? page.DistributionList.NextMarker : undefined;
  } while (marker);
  return undefined;
}

function outputsOf(id: string, domainName: string, endpoint: string | undefined): DistributionOutputs {
  if (!endpoint) return { distributionId: id, domainName, url: `https://${domainName}/` };
  const edge = new URL(endpoint);
  return { distributionId: id, domainName, url: `http://${id.toLowerCase()}.cloudfront.localhost:${edge.port || 80}/` };
}

/**
 * The chat's distribution: the website bucket's S3 website endpoint as a custom origin, default
 * root object index.html, the single-page-app fallback, tagged with the stack's tag. Idempotent:
 * the distribution carrying the stack's comment is updated (If-Match with its ETag) only when
 * what the stack decides differs. `endpoint` is the CloudFront endpoint people use (undefined on
 * AWS): with it, `url` is the local data-plane URL.
 */
export async function ensureDistribution(
  clients: Clients,
  options: { bucket: string; region: string; endpoint?: string },
): Promise<DistributionOutputs> {
  const comment = distributionComment(options.bucket);
  const existing = await findDistribution(clients, comment);
  if (!existing) {
    const created = await clients.cloudfront.send(
      new CreateDistributionWithTagsCommand({
        DistributionConfigWithTags: {
          DistributionConfig: desiredConfig(options.bucket, options.region, `${STACK.tag.value}-${options.bucket}-${Date.now()}`),
          Tags: { Items: [{ Key: STACK.tag.key, Value: STACK.tag.value }] },
        },
      }),
    );
    return outputsOf(created.Distribution!.Id!, created.Distribution!.DomainName!, options.endpoint);
  }
  const id = existing.Id!;
  const { DistributionConfig: current, ETag } = await clients.cloudfront.send(new GetDistributionConfigCommand({ Id: id }));
  const desired = desiredConfig(options.bucket, options.region, current!.CallerReference!);
  if (differs(current!, desired)) {
    await clients.cloudfront.send(
      new UpdateDistributionCommand({ Id: id, IfMatch: ETag, DistributionConfig: { ...current!, ...desired } }),
    );
  }
  await clients.cloudfront.send(
    new TagResourceCommand({ Resource: existing.ARN, Tags: { Items: [{ Key: STACK.tag.key, Value: STACK.tag.value }] } }),
  );
  return outputsOf(id, existing.DomainName!, options.endpoint);
}

/**
 * Invalidates every cached object (`/*`) after a deploy; returns the invalidation id. It completes
 * in about a minute on AWS (at once locally); nothing waits for it.
 */
export async function invalidateAll(clients: Clients, distributionId: string): Promise<string> {
  const result = await clients.cloudfront.send(
    new CreateInvalidationCommand({
      DistributionId: distributionId,
      InvalidationBatch: { CallerReference: `deploy-${Date.now()}`, Paths: { Quantity: 1, Items: ['/*'] } },
    }),
  );
  return result.Invalidation!.Id!;
}
