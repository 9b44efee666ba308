import type { CopyObjectCommandInput, CopyObjectCommandOutput } from '@aws-sdk/client-s3';
import { AwsError } from '../../../core/errors.js';
import { objectArn } from '../access.js';
import { accessDenied, InvalidArgument, InvalidRequest, KeyTooLongError, preconditionFailed } from '../errors.js';
import { MAX_KEY_BYTES } from '../names.js';
import type { ObjectRecord } from '../storage.js';
import type { Output, S3Context } from './context.js';
import { checkWriteConditions, storedHeaders } from './object-input.js';
import { CHECKSUM_MEMBERS, missingObject } from './object-output.js';

/** `x-amz-copy-source`: `bucket/key` or `/bucket/key`, URL-encoded, optionally `?versionId=`. */
function parseCopySource(source: string | undefined): { bucket: string; key: string } {
  const raw = (source ?? '').replace(/^\//, '').split('?')[0]!;
  const slash = raw.indexOf('/');
  const invalid = () =>
    new InvalidArgument('Invalid copy source object key', { ArgumentName: 'x-amz-copy-source', ArgumentValue: source ?? '' });
  if (slash <= 0 || slash === raw.length - 1) throw invalid();
  try {
    return { bucket: decodeURIComponent(raw.slice(0, slash)), key: decodeURIComponent(raw.slice(slash + 1)) };
  } catch {
    throw invalid();
  }
}

/** The x-amz-copy-source-if-* preconditions: all failures are 412 for a copy. */
function checkCopyConditions(source: ObjectRecord, input: CopyObjectCommandInput): void {
  const etag = source.etag.replace(/"/g, '');
  const modified = Math.floor(new Date(source.lastModified).getTime() / 1000);
  const at = (date: Date) => Math.floor(date.getTime() / 1000);
  if (input.CopySourceIfMatch !== undefined && input.CopySourceIfMatch.replace(/"/g, '') !== etag) {
    throw preconditionFailed('x-amz-copy-source-If-Match');
  }
  if (input.CopySourceIfNoneMatch !== undefined && input.CopySourceIfNoneMatch.replace(/"/g, '') === etag) {
    throw preconditionFailed('x-amz-copy-source-If-None-Match');
  }
  if (input.CopySourceIfUnmodifiedSince && input.CopySourceIfMatch === undefined && modified > at(input.CopySourceIfUnmodifiedSince)) {
    throw preconditionFailed('x-amz-copy-source-If-Unmodified-Since');
  }
  if (input.CopySourceIfModifiedSince && input.CopySourceIfNoneMatch === undefined && modified <= at(input.CopySourceIfModifiedSince)) {
    throw preconditionFailed('x-amz-copy-source-If-Modified-Since');
  }
}

export function CopyObject(input: CopyObjectCommandInput, ctx: S3Context): Output<CopyObjectCommandOutput> {
  const target = ctx.bucket(input.Bucket);
  const key = input.Key ?? '';
  const size = Buffer.byteLength(key, 'utf8');
  if (size > MAX_KEY_BYTES) throw new KeyTooLongError('Your key is too long', { Size: size, MaxSizeAllowed: MAX_KEY_BYTES });
  const from = parseCopySource(input.CopySource);
  const sourceBucket = ctx.bucket(from.bucket);
  if (!ctx.allowed(sourceBucket, 's3:GetObject', objectArn(sourceBucket.name, from.key))) throw accessDenied();
  const source = ctx.storage.getObject(sourceBucket, from.key);
  if (!source) throw missingObject(ctx, sourceBucket, from.key);
  checkCopyConditions(source, input);
  const replace = input.MetadataDirective === 'REPLACE';
  const sameObject = sourceBucket.name === target.name && from.key === key;
  if (sameObject && !replace && !input.WebsiteRedirectLocation && !input.StorageClass) {
    throw new InvalidRequest(
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  if (input.MetadataDirective && input.MetadataDirective !== 'COPY' && !replace) {
    throw new AwsError('InvalidArgument', 'Unknown metadata directive.', 400, {
      ArgumentName: 'x-amz-metadata-directive',
      ArgumentValue: input.MetadataDirective,
    });
  }
  checkWriteConditions(ctx.storage.getObject(target, key), key, input);
  const headers = replace ? storedHeaders(input) : { ...source.headers };
  if (!replace && input.WebsiteRedirectLocation) headers.WebsiteRedirectLocation = input.WebsiteRedirectLocation;
  const record = ctx.storage.putObject(
    target,
    { key, headers, metadata: replace ? (input.Metadata ?? {}) : { ...source.metadata }, checksum: source.checksum },
    ctx.storage.readBody(sourceBucket, source),
  );
  return {
    CopyObjectResult: {
      ETag: record.etag,
      LastModified: new Date(record.lastModified),
      ...(record.checksum ? { [CHECKSUM_MEMBERS[record.checksum.algorithm]]: record.checksum.value, ChecksumType: 'FULL_OBJECT' } : {}),
    },
    ServerSideEncryption: 'AES256',
  };
}
