/**
 * S3 (restXml), path-style (`/bucket/key`, what the SDK sends with forcePathStyle) and
 * virtual-host style (`{bucket}.s3.localhost:PORT`), plus the website endpoint
 * (`{bucket}.s3-website.localhost:PORT`). Node cannot resolve `*.localhost` here: Node callers
 * reach the website by connecting to 127.0.0.1 with the header
 * `Host: {bucket}.s3-website.localhost:PORT` (the edge routes on the Host header).
 *
 * Bucket names are one namespace across accounts. Signed requests from the bucket's account are
 * its owner; anyone else, anonymous callers included, needs an Allow from the bucket policy
 * (role sessions match a policy naming their role), subject to Block Public Access, which new
 * buckets get fully enabled as on AWS (so canned ACLs such as public-read are refused, buckets
 * being BucketOwnerEnforced). A missing key reads as AccessDenied (403) to callers that may not
 * list the bucket, as on AWS. The edge verifies SigV4 signatures (header and presigned forms,
 * core/sigv4-verify.ts) and, with EMULATOR_ENFORCE_IAM=1, the IAM identity policies of users and
 * role sessions together with the bucket policy (iam/enforcement/).
 *
 * CORS rules (PutBucketCors) answer preflights and add Access-Control-* headers on both endpoints.
 * Multipart uploads join their parts on completion (ETag `"md5-of-md5s-N"`, as on AWS).
 *
 * Not yet: UploadPartCopy, composite checksums of multipart objects, versioning
 * (PutBucketVersioning, ListObjectVersions, versionId), ACLs (GetBucketAcl, PutObjectAcl; buckets
 * are BucketOwnerEnforced), object tagging (PutObjectTagging; x-amz-tagging is ignored),
 * lifecycle, encryption configuration, notifications, replication, object lock, POST form
 * uploads, verification of the chunk signatures of STREAMING-AWS4-HMAC-SHA256-PAYLOAD uploads
 * (the seed signature is verified), account-level Block Public Access (s3control), S3-specific
 * IAM condition keys (s3:prefix...), and per-region endpoints (a bucket answers in any region).
 */

import type { EdgeRequest, EdgeResponse } from '../../core/http.js';
import type { Service, ServiceContext } from '../../core/service.js';
import type { IamService } from '../iam/index.js';
import type { Caller } from './access.js';
import { s3RestHandler } from './rest/handler.js';
import { type ObjectRecord, S3Storage } from './storage.js';
import { websiteHandler } from './website.js';

export interface StoredObject {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
  metadata: Record<string, string>;
}

export class S3Service implements Service {
  readonly name = 's3';
  readonly storage: S3Storage;
  private readonly rest: (req: EdgeRequest) => Promise<EdgeResponse>;
  private readonly website: (req: EdgeRequest) => EdgeResponse;

  constructor(private readonly ctx: ServiceContext) {
    this.storage = new S3Storage(ctx.store);
    this.rest = s3RestHandler({ storage: this.storage, callerOf: (req) => this.callerOf(req) });
    this.website = websiteHandler(this.storage);
  }

  private callerOf(req: EdgeRequest): Caller {
    if (!req.accessKeyId) return { kind: 'anonymous' };
    const iam = this.ctx.services.has('iam') ? this.ctx.services.get<IamService>('iam') : undefined;
    const principal = iam?.principalFor(req.accessKeyId, req.account);
    if (!principal) return { kind: 'signed', account: req.account, arn: `arn:aws:iam::${req.account}:root` };
    return { kind: 'signed', account: principal.account, arn: principal.arn, ...(principal.roleArn ? { roleArn: principal.roleArn } : {}) };
  }

  async handle(req: EdgeRequest): Promise<EdgeResponse> {
    if (req.headers['x-local-service'] === 's3-website') return this.website(req);
    return this.rest(req);
  }

  /** Internal API: an object as its owner sees it (no access check), e.g. Lambda code from S3. */
  readObject(bucketName: string, key: string): StoredObject | undefined {
    const bucket = this.storage.findBucket(bucketName);
    const object: ObjectRecord | undefined = bucket && this.storage.getObject(bucket, key);
    if (!bucket || !object) return undefined;
    return {
      body: this.storage.readBody(bucket, object),
      contentType: object.headers.ContentType,
      etag: object.etag,
      lastModified: new Date(object.lastModified),
      metadata: object.metadata,
    };
  }

  /**
   * Internal API: what the website endpoint answers for `bucket` (CloudFront's S3 website origin),
   * without going through HTTP. `path` is the decoded path, `rawPath` its encoded form.
   */
  async websiteResponse(
    bucket: string,
    request: { method: 'GET' | 'HEAD'; path: string; rawPath?: string; headers?: Record<string, string>; requestId: string; host: string },
  ): Promise<EdgeResponse> {
    const headers = { ...request.headers, 'x-local-service': 's3-website', 'x-local-host-id': bucket };
    const rawPath = request.rawPath ?? encodeURI(request.path);
    return this.website({
      method: request.method,
      path: request.path,
      rawPath,
      query: new URLSearchParams(),
      headers,
      body: Buffer.alloc(0),
      host: request.host,
      account: '',
      region: '',
      requestId: request.requestId,
      edgeUrl: this.ctx.edgeUrl(),
      raw: { url: rawPath } as EdgeRequest['raw'],
    });
  }

  health(): Record<string, unknown> {
    return {};
  }

  async reset(): Promise<void> {
    this.storage.forget();
  }
}
