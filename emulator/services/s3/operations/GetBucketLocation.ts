import type { GetBucketLocationCommandInput, GetBucketLocationCommandOutput } from '@aws-sdk/client-s3';
import type { Output, S3Context } from './context.js';

/** us-east-1 buckets answer an empty LocationConstraint, as on AWS. */
export function GetBucketLocation(input: GetBucketLocationCommandInput, ctx: S3Context): Output<GetBucketLocationCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  return {
    LocationConstraint: bucket.region === 'us-east-1' ? undefined : (bucket.region as GetBucketLocationCommandOutput['LocationConstraint']),
  };
}
