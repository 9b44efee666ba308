import type { GetBucketWebsiteCommandInput, GetBucketWebsiteCommandOutput } from '@aws-sdk/client-s3';
import { NoSuchWebsiteConfiguration } from '../errors.js';
import type { Output, S3Context } from './context.js';

export function GetBucketWebsite(input: GetBucketWebsiteCommandInput, ctx: S3Context): Output<GetBucketWebsiteCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  if (!bucket.website) {
    throw new NoSuchWebsiteConfiguration('The specified bucket does not have a website configuration', { BucketName: bucket.name });
  }
  const { RedirectAllRequestsTo, IndexDocument, ErrorDocument, RoutingRules } = bucket.website;
  return { RedirectAllRequestsTo, IndexDocument, ErrorDocument, RoutingRules };
}
