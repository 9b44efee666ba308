import type { ListMultipartUploadsCommandInput, ListMultipartUploadsCommandOutput } from '@aws-sdk/client-s3';
import { invalidArgument } from '../errors.js';
import { canonicalUserId } from '../owner.js';
import { compareKeys } from '../storage.js';
import type { Output, S3Context } from './context.js';
import { urlEncoder } from './listing.js';

/** Uploads in progress, ordered by key then initiation; delimiter grouping as in object listings. */
export function ListMultipartUploads(input: ListMultipartUploadsCommandInput, ctx: S3Context): Output<ListMultipartUploadsCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  const max = input.MaxUploads ?? 1000;
  if (!Number.isInteger(max) || max < 0)
    throw invalidArgument('Argument max-uploads must be an integer between 0 and 2147483647', 'max-uploads', String(max));
  const prefix = input.Prefix ?? '';
  const delimiter = input.Delimiter || undefined;
  const keyMarker = input.KeyMarker || undefined;
  const owner = { ID: canonicalUserId(bucket.account) };
  const sorted = ctx.storage
    .listUploads(bucket)
    .filter((u) => u.key.startsWith(prefix))
    .filter((u) => {
      if (keyMarker === undefined) return true;
      const order = compareKeys(u.key, keyMarker);
      return order > 0 || (order === 0 && input.UploadIdMarker !== undefined && u.uploadId > input.UploadIdMarker);
    })
    .sort((a, b) => compareKeys(a.key, b.key) || a.initiated.localeCompare(b.initiated));
  const uploads: NonNullable<ListMultipartUploadsCommandOutput['Uploads']> = [];
  const prefixes: string[] = [];
  let truncated = false;
  let last: { key: string; uploadId?: string } | undefined;
  for (const upload of sorted) {
    const cut = delimiter ? upload.key.indexOf(delimiter, prefix.length) : -1;
    const common = cut >= 0 ? upload.key.slice(0, cut + delimiter!.length) : undefined;
    if (common !== undefined && prefixes.at(-1) === common) continue;
    if (uploads.length + prefixes.length >= Math.min(max, 1000)) {
      truncated = true;
      break;
    }
    if (common !== undefined) {
      prefixes.push(common);
      last = { key: common };
    } else {
      uploads.push({
        UploadId: upload.uploadId,
        Key: upload.key,
        Initiated: new Date(upload.initiated),
        StorageClass: 'STANDARD',
        Owner: owner,
        Initiator: owner,
      });
      last = { key: upload.key, uploadId: upload.uploadId };
    }
  }
  const encode = urlEncoder(input.EncodingType);
  return {
    Bucket: bucket.name,
    KeyMarker: encode(input.KeyMarker ?? ''),
    UploadIdMarker: input.UploadIdMarker ?? '',
    NextKeyMarker: truncated ? encode(last?.key) : undefined,
    NextUploadIdMarker: truncated ? last?.uploadId : undefined,
    Prefix: encode(input.Prefix),
    Delimiter: encode(delimiter),
    MaxUploads: max,
    IsTruncated: truncated,
    Uploads: uploads.length ? uploads.map((u) => ({ ...u, Key: encode(u.Key) })) : undefined,
    CommonPrefixes: prefixes.length ? prefixes.map((p) => ({ Prefix: encode(p) })) : undefined,
    EncodingType: input.EncodingType,
  };
}
