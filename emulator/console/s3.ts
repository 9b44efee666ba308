import { requestId } from '../core/ids.js';
import { noSuchBucket } from '../services/s3/errors.js';
import type { S3Service } from '../services/s3/index.js';
import type { S3Context } from '../services/s3/operations/context.js';
import { GetBucketWebsite } from '../services/s3/operations/GetBucketWebsite.js';
import { ListBuckets } from '../services/s3/operations/ListBuckets.js';
import { ListObjectsV2 } from '../services/s3/operations/ListObjectsV2.js';
import type { ConsoleRequest, Endpoint } from './endpoint.js';
import { BadRequest } from './params.js';

/** S3's operations as the owner of the scope's buckets calls them (S3 speaks XML: its operations are called directly). */
function ownerContext({ deps, scope }: ConsoleRequest): S3Context {
  if (!deps.services.has('s3')) throw new BadRequest('The s3 service is not running.');
  const storage = deps.services.get<S3Service>('s3').storage;
  return {
    account: scope.account,
    region: scope.region,
    requestId: requestId(),
    edgeUrl: scope.edgeUrl,
    storage,
    caller: { kind: 'signed', account: scope.account, arn: `arn:aws:iam::${scope.account}:root` },
    bucket: (name) => {
      const found = name ? storage.findBucket(name) : undefined;
      if (!found || found.account !== scope.account) throw noSuchBucket(name ?? '');
      return found;
    },
    allowed: () => true,
  };
}

function websiteUrl(edgeUrl: string, bucket: string): string {
  const url = new URL(edgeUrl);
  return `http://${bucket}.s3-website.localhost${url.port ? `:${url.port}` : ''}/`;
}

export const buckets: Endpoint = (req) => {
  const ctx = ownerContext(req);
  const { Buckets = [] } = ListBuckets({}, ctx);
  return {
    buckets: Buckets.map((b) => {
      const record = ctx.bucket(b.Name);
      return {
        name: b.Name,
        region: b.BucketRegion,
        createdAt: b.CreationDate,
        website: record.website ? websiteUrl(req.scope.edgeUrl, record.name) : undefined,
        policy: record.policy !== undefined,
      };
    }),
  };
};

/** One level of a bucket's keys (delimiter `/`), a page at a time, with the website configuration. */
export const objects: Endpoint = (req) => {
  const ctx = ownerContext(req);
  const bucket = req.params.required('bucket', 63);
  const page = ListObjectsV2(
    {
      Bucket: bucket,
      Prefix: req.params.optional('prefix'),
      Delimiter: '/',
      MaxKeys: req.params.integer('limit', 100, 1, 1000),
      ContinuationToken: req.params.optional('next', 2048),
    },
    ctx,
  );
  const record = ctx.bucket(bucket);
  return {
    bucket,
    prefix: page.Prefix ?? '',
    folders: (page.CommonPrefixes ?? []).map((p) => p.Prefix),
    objects: (page.Contents ?? []).map((o) => ({ key: o.Key, size: o.Size, lastModified: o.LastModified, etag: o.ETag })),
    next: page.NextContinuationToken,
    website: record.website ? { url: websiteUrl(req.scope.edgeUrl, bucket), ...GetBucketWebsite({ Bucket: bucket }, ctx) } : undefined,
    policy: record.policy ? JSON.parse(record.policy) : undefined,
    cors: record.cors,
  };
};
