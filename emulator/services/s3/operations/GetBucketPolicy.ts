import type { GetBucketPolicyCommandInput, GetBucketPolicyCommandOutput } from '@aws-sdk/client-s3';
import { NoSuchBucketPolicy } from '../errors.js';
import type { Output, S3Context } from './context.js';

export function GetBucketPolicy(input: GetBucketPolicyCommandInput, ctx: S3Context): Output<GetBucketPolicyCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  if (!bucket.policy) throw new NoSuchBucketPolicy('The bucket policy does not exist', { BucketName: bucket.name });
  return { Policy: bucket.policy };
}
