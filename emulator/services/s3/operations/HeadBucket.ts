import type { HeadBucketCommandInput, HeadBucketCommandOutput } from '@aws-sdk/client-s3';
import type { Output, S3Context } from './context.js';

export function HeadBucket(input: HeadBucketCommandInput, ctx: S3Context): Output<HeadBucketCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  return { BucketRegion: bucket.region, BucketArn: `arn:aws:s3:::${bucket.name}` };
}
