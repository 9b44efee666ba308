import type { DeleteBucketPolicyCommandInput, DeleteBucketPolicyCommandOutput } from '@aws-sdk/client-s3';
import type { Output, S3Context } from './context.js';

export function DeleteBucketPolicy(input: DeleteBucketPolicyCommandInput, ctx: S3Context): Output<DeleteBucketPolicyCommandOutput> {
  const { policy: _removed, ...bucket } = ctx.bucket(input.Bucket);
  ctx.storage.saveBucket(bucket);
  return {};
}
