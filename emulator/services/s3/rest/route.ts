import { AwsError } from '../../../core/errors.js';
import type { EdgeRequest } from '../../../core/http.js';
import { MethodNotAllowed } from '../errors.js';

export interface S3Route {
  /** The AWS operation name, implemented or not (so an unimplemented one can be named). */
  operation: string;
  bucket?: string;
  key?: string;
}

type SubresourceTable = Array<[param: string, operation: string]>;

const BUCKET_GET: SubresourceTable = [
  ['accelerate', 'GetBucketAccelerateConfiguration'],
  ['acl', 'GetBucketAcl'],
  ['analytics', 'GetBucketAnalyticsConfiguration'],
  ['cors', 'GetBucketCors'],
  ['encryption', 'GetBucketEncryption'],
  ['intelligent-tiering', 'GetBucketIntelligentTieringConfiguration'],
  ['inventory', 'GetBucketInventoryConfiguration'],
  ['lifecycle', 'GetBucketLifecycleConfiguration'],
  ['location', 'GetBucketLocation'],
  ['logging', 'GetBucketLogging'],
  ['metrics', 'GetBucketMetricsConfiguration'],
  ['notification', 'GetBucketNotificationConfiguration'],
  ['object-lock', 'GetObjectLockConfiguration'],
  ['ownershipControls', 'GetBucketOwnershipControls'],
  ['policy', 'GetBucketPolicy'],
  ['policyStatus', 'GetBucketPolicyStatus'],
  ['publicAccessBlock', 'GetPublicAccessBlock'],
  ['replication', 'GetBucketReplication'],
  ['requestPayment', 'GetBucketRequestPayment'],
  ['tagging', 'GetBucketTagging'],
  ['uploads', 'ListMultipartUploads'],
  ['versioning', 'GetBucketVersioning'],
  ['versions', 'ListObjectVersions'],
  ['website', 'GetBucketWebsite'],
  ['session', 'CreateSession'],
];

const BUCKET_PUT: SubresourceTable = [
  ['accelerate', 'PutBucketAccelerateConfiguration'],
  ['acl', 'PutBucketAcl'],
  ['analytics', 'PutBucketAnalyticsConfiguration'],
  ['cors', 'PutBucketCors'],
  ['encryption', 'PutBucketEncryption'],
  ['intelligent-tiering', 'PutBucketIntelligentTieringConfiguration'],
  ['inventory', 'PutBucketInventoryConfiguration'],
  ['lifecycle', 'PutBucketLifecycleConfiguration'],
  ['logging', 'PutBucketLogging'],
  ['metrics', 'PutBucketMetricsConfiguration'],
  ['notification', 'PutBucketNotificationConfiguration'],
  ['object-lock', 'PutObjectLockConfiguration'],
  ['ownershipControls', 'PutBucketOwnershipControls'],
  ['policy', 'PutBucketPolicy'],
  ['publicAccessBlock', 'PutPublicAccessBlock'],
  ['replication', 'PutBucketReplication'],
  ['requestPayment', 'PutBucketRequestPayment'],
  ['tagging', 'PutBucketTagging'],
  ['versioning', 'PutBucketVersioning'],
  ['website', 'PutBucketWebsite'],
];

const BUCKET_DELETE: SubresourceTable = [
  ['analytics', 'DeleteBucketAnalyticsConfiguration'],
  ['cors', 'DeleteBucketCors'],
  ['encryption', 'DeleteBucketEncryption'],
  ['intelligent-tiering', 'DeleteBucketIntelligentTieringConfiguration'],
  ['inventory', 'DeleteBucketInventoryConfiguration'],
  ['lifecycle', 'DeleteBucketLifecycle'],
  ['metrics', 'DeleteBucketMetricsConfiguration'],
  ['ownershipControls', 'DeleteBucketOwnershipControls'],
  ['policy', 'DeleteBucketPolicy'],
  ['publicAccessBlock', 'DeletePublicAccessBlock'],
  ['replication', 'DeleteBucketReplication'],
  ['tagging', 'DeleteBucketTagging'],
  ['website', 'DeleteBucketWebsite'],
];

const OBJECT_GET: SubresourceTable = [
  ['acl', 'GetObjectAcl'],
  ['attributes', 'GetObjectAttributes'],
  ['legal-hold', 'GetObjectLegalHold'],
  ['retention', 'GetObjectRetention'],
  ['tagging', 'GetObjectTagging'],
  ['torrent', 'GetObjectTorrent'],
  ['uploadId', 'ListParts'],
];

const OBJECT_PUT: SubresourceTable = [
  ['acl', 'PutObjectAcl'],
  ['legal-hold', 'PutObjectLegalHold'],
  ['retention', 'PutObjectRetention'],
  ['tagging', 'PutObjectTagging'],
];

const OBJECT_DELETE: SubresourceTable = [
  ['tagging', 'DeleteObjectTagging'],
  ['uploadId', 'AbortMultipartUpload'],
];

const OBJECT_POST: SubresourceTable = [
  ['uploads', 'CreateMultipartUpload'],
  ['uploadId', 'CompleteMultipartUpload'],
  ['restore', 'RestoreObject'],
  ['select', 'SelectObjectContent'],
];

function pick(table: SubresourceTable, query: URLSearchParams, fallback: string): string {
  for (const [param, operation] of table) if (query.has(param)) return operation;
  return fallback;
}

function methodNotAllowed(method: string, resourceType: string): AwsError {
  return new MethodNotAllowed('The specified method is not allowed against this resource.', { Method: method, ResourceType: resourceType });
}

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AwsError('InvalidURI', "Couldn't parse the specified URI.", 400);
  }
}

/** Where the bucket and key are: in the host (`{bucket}.s3.localhost`) or in the path (`/bucket/key`). */
export function bucketAndKey(req: EdgeRequest): { bucket?: string; key?: string } {
  const hostBucket = req.headers['x-local-host-id'];
  if (hostBucket) {
    const key = req.rawPath.replace(/^\//, '');
    return { bucket: hostBucket, key: key ? decode(key) : undefined };
  }
  const m = /^\/([^/]+)(?:\/(.*))?$/.exec(req.rawPath);
  if (!m) return {};
  return { bucket: decode(m[1]!), key: m[2] ? decode(m[2]) : undefined };
}

/** Names the S3 operation a request is for, from its method, target and sub-resource query parameter. */
export function routeRequest(req: EdgeRequest): S3Route {
  const { bucket, key } = bucketAndKey(req);
  const q = req.query;
  const method = req.method;
  if (!bucket) {
    if (method === 'GET') return { operation: 'ListBuckets' };
    throw methodNotAllowed(method, 'SERVICE');
  }
  if (key === undefined) {
    switch (method) {
      case 'GET':
        return { bucket, operation: pick(BUCKET_GET, q, q.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects') };
      case 'PUT':
        return { bucket, operation: pick(BUCKET_PUT, q, 'CreateBucket') };
      case 'DELETE':
        return { bucket, operation: pick(BUCKET_DELETE, q, 'DeleteBucket') };
      case 'HEAD':
        return { bucket, operation: 'HeadBucket' };
      case 'POST':
        return { bucket, operation: q.has('delete') ? 'DeleteObjects' : 'PostObject' };
      default:
        throw methodNotAllowed(method, 'BUCKET');
    }
  }
  switch (method) {
    case 'GET':
      return { bucket, key, operation: pick(OBJECT_GET, q, 'GetObject') };
    case 'HEAD':
      return { bucket, key, operation: 'HeadObject' };
    case 'PUT': {
      const copy = req.headers['x-amz-copy-source'] !== undefined;
      if (q.has('uploadId')) return { bucket, key, operation: copy ? 'UploadPartCopy' : 'UploadPart' };
      return { bucket, key, operation: pick(OBJECT_PUT, q, copy ? 'CopyObject' : 'PutObject') };
    }
    case 'DELETE':
      return { bucket, key, operation: pick(OBJECT_DELETE, q, 'DeleteObject') };
    case 'POST':
      return { bucket, key, operation: pick(OBJECT_POST, q, 'PostObject') };
    default:
      throw methodNotAllowed(method, 'OBJECT');
  }
}
