import type { HeadObjectCommandOutput } from '@aws-sdk/client-s3';
import { bucketArn } from '../access.js';
import { accessDenied, noSuchKey } from '../errors.js';
import type { BucketRecord, ChecksumAlgorithm, ObjectRecord } from '../storage.js';
import type { Output, S3Context } from './context.js';

type ChecksumMember = 'ChecksumCRC32' | 'ChecksumCRC32C' | 'ChecksumCRC64NVME' | 'ChecksumSHA1' | 'ChecksumSHA256';

export const CHECKSUM_MEMBERS: Record<ChecksumAlgorithm, ChecksumMember> = {
  CRC32: 'ChecksumCRC32',
  CRC32C: 'ChecksumCRC32C',
  CRC64NVME: 'ChecksumCRC64NVME',
  SHA1: 'ChecksumSHA1',
  SHA256: 'ChecksumSHA256',
};

/** The checksum a write carried (already verified by the codec), if any. */
export function checksumFrom(input: Partial<Record<ChecksumMember, string>>): ObjectRecord['checksum'] {
  for (const [algorithm, member] of Object.entries(CHECKSUM_MEMBERS)) {
    const value = input[member];
    if (value) return { algorithm: algorithm as ChecksumAlgorithm, value };
  }
  return undefined;
}

export function checksumOutput(
  checksum: ObjectRecord['checksum'],
): Partial<Record<ChecksumMember, string>> & { ChecksumType?: 'FULL_OBJECT' } {
  if (!checksum) return {};
  return { [CHECKSUM_MEMBERS[checksum.algorithm]]: checksum.value, ChecksumType: 'FULL_OBJECT' };
}

/** The headers GetObject and HeadObject return for an object. */
export function objectHeaders(object: ObjectRecord): Output<HeadObjectCommandOutput> & { ExpiresString?: string } {
  return {
    AcceptRanges: 'bytes',
    LastModified: new Date(object.lastModified),
    ContentLength: object.size,
    ETag: object.etag,
    ContentType: object.headers.ContentType,
    CacheControl: object.headers.CacheControl,
    ContentDisposition: object.headers.ContentDisposition,
    ContentEncoding: object.headers.ContentEncoding,
    ContentLanguage: object.headers.ContentLanguage,
    ExpiresString: object.headers.Expires,
    WebsiteRedirectLocation: object.headers.WebsiteRedirectLocation,
    ServerSideEncryption: 'AES256',
    Metadata: object.metadata,
  };
}

/** A missing key reads as NoSuchKey only to callers allowed to list the bucket; others get AccessDenied (AWS hides existence). */
export function missingObject(ctx: S3Context, bucket: BucketRecord, key: string): Error {
  return ctx.allowed(bucket, 's3:ListBucket', bucketArn(bucket.name)) ? noSuchKey(key) : accessDenied();
}
