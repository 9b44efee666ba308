import type { ListPartsCommandInput, ListPartsCommandOutput } from '@aws-sdk/client-s3';
import { invalidArgument } from '../errors.js';
import { canonicalUserId } from '../owner.js';
import type { Output, S3Context } from './context.js';
import { requireUpload } from './multipart.js';

export function ListParts(input: ListPartsCommandInput, ctx: S3Context): Output<ListPartsCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  const upload = requireUpload(ctx, bucket, input.Key ?? '', input.UploadId);
  const max = input.MaxParts ?? 1000;
  if (!Number.isInteger(max) || max < 0)
    throw invalidArgument('Argument max-parts must be an integer between 0 and 2147483647', 'max-parts', String(max));
  const marker = Number(input.PartNumberMarker ?? 0);
  const all = Object.values(upload.parts)
    .filter((part) => part.partNumber > marker)
    .sort((a, b) => a.partNumber - b.partNumber);
  const page = all.slice(0, Math.min(max, 1000));
  const truncated = page.length < all.length;
  const owner = { ID: canonicalUserId(bucket.account) };
  return {
    Bucket: bucket.name,
    Key: upload.key,
    UploadId: upload.uploadId,
    PartNumberMarker: String(marker),
    NextPartNumberMarker: truncated ? String(page.at(-1)?.partNumber ?? marker) : undefined,
    MaxParts: max,
    IsTruncated: truncated,
    Parts: page.map((part) => ({
      PartNumber: part.partNumber,
      LastModified: new Date(part.lastModified),
      ETag: part.etag,
      Size: part.size,
    })),
    Initiator: owner,
    Owner: owner,
    StorageClass: 'STANDARD',
  };
}
