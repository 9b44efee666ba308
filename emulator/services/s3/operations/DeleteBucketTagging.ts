import type { DeleteBucketTaggingCommandInput, DeleteBucketTaggingCommandOutput } from '@aws-sdk/client-s3';
import type { Output, S3Context } from './context.js';

export function DeleteBucketTagging(input: DeleteBucketTaggingCommandInput, ctx: S3Context): Output<DeleteBucketTaggingCommandOutput> {
  const { tags: _removed, ...bucket } = ctx.bucket(input.Bucket);
  ctx.storage.saveBucket(bucket);
  return {};
}
