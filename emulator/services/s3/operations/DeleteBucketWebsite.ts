import type { DeleteBucketWebsiteCommandInput, DeleteBucketWebsiteCommandOutput } from '@aws-sdk/client-s3';
import type { Output, S3Context } from './context.js';

export function DeleteBucketWebsite(input: DeleteBucketWebsiteCommandInput, ctx: S3Context): Output<DeleteBucketWebsiteCommandOutput> {
  const { website: _removed, ...bucket } = ctx.bucket(input.Bucket);
  ctx.storage.saveBucket(bucket);
  return {};
}
