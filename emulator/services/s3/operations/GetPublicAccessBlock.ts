import type { GetPublicAccessBlockCommandInput, GetPublicAccessBlockCommandOutput } from '@aws-sdk/client-s3';
import { NoSuchPublicAccessBlockConfiguration } from '../errors.js';
import type { Output, S3Context } from './context.js';

export function GetPublicAccessBlock(input: GetPublicAccessBlockCommandInput, ctx: S3Context): Output<GetPublicAccessBlockCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  if (!bucket.publicAccessBlock) {
    throw new NoSuchPublicAccessBlockConfiguration('The public access block configuration was not found', { BucketName: bucket.name });
  }
  return { PublicAccessBlockConfiguration: bucket.publicAccessBlock };
}
