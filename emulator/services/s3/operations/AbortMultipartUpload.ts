import type { AbortMultipartUploadCommandInput, AbortMultipartUploadCommandOutput } from '@aws-sdk/client-s3';
import type { Output, S3Context } from './context.js';
import { requireUpload } from './multipart.js';

export function AbortMultipartUpload(input: AbortMultipartUploadCommandInput, ctx: S3Context): Output<AbortMultipartUploadCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  const upload = requireUpload(ctx, bucket, input.Key ?? '', input.UploadId);
  ctx.storage.deleteUpload(bucket, upload.uploadId);
  return {};
}
