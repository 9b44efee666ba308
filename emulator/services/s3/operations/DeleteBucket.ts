import type { DeleteBucketCommandInput, DeleteBucketCommandOutput } from '@aws-sdk/client-s3';
import { BucketNotEmpty } from '../errors.js';
import type { Output, S3Context } from './context.js';

export function DeleteBucket(input: DeleteBucketCommandInput, ctx: S3Context): Output<DeleteBucketCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  if (!ctx.storage.isEmpty(bucket)) throw new BucketNotEmpty('The bucket you tried to delete is not empty', { BucketName: bucket.name });
  ctx.storage.deleteBucket(bucket);
  return {};
}
