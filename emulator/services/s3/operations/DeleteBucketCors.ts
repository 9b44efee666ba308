import type { DeleteBucketCorsCommandInput, DeleteBucketCorsCommandOutput } from '@aws-sdk/client-s3';
import type { Output, S3Context } from './context.js';

export function DeleteBucketCors(input: DeleteBucketCorsCommandInput, ctx: S3Context): Output<DeleteBucketCorsCommandOutput> {
  const { cors: _removed, ...bucket } = ctx.bucket(input.Bucket);
  ctx.storage.saveBucket(bucket);
  return {};
}
