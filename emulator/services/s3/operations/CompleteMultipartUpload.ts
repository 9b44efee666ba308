import { createHash } from 'node:crypto';
import type { CompleteMultipartUploadCommandInput, CompleteMultipartUploadCommandOutput } from '@aws-sdk/client-s3';
import { EntityTooSmall, InvalidPart, InvalidPartOrder, malformedXml } from '../errors.js';
import type { PartRecord } from '../storage.js';
import type { Output, S3Context } from './context.js';
import { MIN_PART_SIZE, requireUpload } from './multipart.js';

const bareEtag = (etag: string | undefined) => (etag ?? '').replace(/"/g, '');

/** Joins the listed parts into the object; its ETag is the MD5 of the parts' MD5s, then "-N", as on AWS. */
export function CompleteMultipartUpload(
  input: CompleteMultipartUploadCommandInput,
  ctx: S3Context,
): Output<CompleteMultipartUploadCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  const key = input.Key ?? '';
  const upload = requireUpload(ctx, bucket, key, input.UploadId);
  const listed = input.MultipartUpload?.Parts ?? [];
  if (listed.length === 0) throw malformedXml();
  const parts: PartRecord[] = [];
  let previous = 0;
  for (const entry of listed) {
    const number = entry.PartNumber ?? 0;
    if (number <= previous) {
      throw new InvalidPartOrder('The list of parts was not in ascending order. Parts must be ordered by part number.', {
        UploadId: upload.uploadId,
      });
    }
    previous = number;
    const part = upload.parts[number];
    if (!part || bareEtag(part.etag) !== bareEtag(entry.ETag)) {
      throw new InvalidPart(
        "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
        { UploadId: upload.uploadId, PartNumber: number, ETag: entry.ETag ?? '' },
      );
    }
    parts.push(part);
  }
  parts.forEach((part, i) => {
    if (i < parts.length - 1 && part.size < MIN_PART_SIZE) {
      throw new EntityTooSmall('Your proposed upload is smaller than the minimum allowed size', {
        ProposedSize: part.size,
        MinSizeAllowed: MIN_PART_SIZE,
        PartNumber: part.partNumber,
        ETag: part.etag,
      });
    }
  });
  const body = Buffer.concat(parts.map((part) => ctx.storage.readPart(bucket, upload, part)));
  const digests = Buffer.concat(parts.map((part) => Buffer.from(bareEtag(part.etag), 'hex')));
  const etag = `"${createHash('md5').update(digests).digest('hex')}-${parts.length}"`;
  const record = ctx.storage.putObject(bucket, { key, headers: upload.headers, metadata: upload.metadata }, body, etag);
  ctx.storage.deleteUpload(bucket, upload.uploadId);
  return {
    Location: `${ctx.edgeUrl}/${bucket.name}/${key.split('/').map(encodeURIComponent).join('/')}`,
    Bucket: bucket.name,
    Key: key,
    ETag: record.etag,
    ServerSideEncryption: 'AES256',
  };
}
