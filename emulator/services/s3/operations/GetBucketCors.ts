import type { GetBucketCorsCommandInput, GetBucketCorsCommandOutput } from '@aws-sdk/client-s3';
import { AwsError } from '../../../core/errors.js';
import type { Output, S3Context } from './context.js';

export function GetBucketCors(input: GetBucketCorsCommandInput, ctx: S3Context): Output<GetBucketCorsCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  if (!bucket.cors)
    throw new AwsError('NoSuchCORSConfiguration', 'The CORS configuration does not exist', 404, { BucketName: bucket.name });
  return { CORSRules: bucket.cors };
}
