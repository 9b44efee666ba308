import type { GetBucketTaggingCommandInput, GetBucketTaggingCommandOutput } from '@aws-sdk/client-s3';
import { NoSuchTagSet } from '../errors.js';
import type { Output, S3Context } from './context.js';

export function GetBucketTagging(input: GetBucketTaggingCommandInput, ctx: S3Context): Output<GetBucketTaggingCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  if (!bucket.tags?.length) throw new NoSuchTagSet('The TagSet does not exist', { BucketName: bucket.name });
  return { TagSet: bucket.tags };
}
