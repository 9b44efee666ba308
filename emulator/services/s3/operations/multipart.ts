import { invalidArgument, noSuchUpload } from '../errors.js';
import type { BucketRecord, UploadRecord } from '../storage.js';
import type { S3Context } from './context.js';

/** Parts are at least 5 MiB, except the last one. */
export const MIN_PART_SIZE = 5 * 1024 * 1024;

export function requireUpload(ctx: S3Context, bucket: BucketRecord, key: string, uploadId: string | undefined): UploadRecord {
  const upload = uploadId ? ctx.storage.getUpload(bucket, uploadId) : undefined;
  if (!upload || upload.key !== key) throw noSuchUpload(uploadId ?? '');
  return upload;
}

export function checkPartNumber(value: number | undefined): number {
  if (value === undefined || !Number.isInteger(value) || value < 1 || value > 10000) {
    throw invalidArgument('Part number must be an integer between 1 and 10000, inclusive', 'partNumber', String(value));
  }
  return value;
}
