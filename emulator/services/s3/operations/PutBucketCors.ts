import type { PutBucketCorsCommandInput, PutBucketCorsCommandOutput } from '@aws-sdk/client-s3';
import { CORS_METHODS } from '../cors.js';
import { InvalidRequest, malformedXml } from '../errors.js';
import type { Output, S3Context } from './context.js';

export function PutBucketCors(input: PutBucketCorsCommandInput, ctx: S3Context): Output<PutBucketCorsCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  const rules = input.CORSConfiguration?.CORSRules ?? [];
  if (rules.length === 0 || rules.length > 100) throw malformedXml();
  for (const rule of rules) {
    if (!rule.AllowedMethods?.length || !rule.AllowedOrigins?.length) throw malformedXml();
    for (const method of rule.AllowedMethods) {
      if (!CORS_METHODS.has(method))
        throw new InvalidRequest(`Found unsupported HTTP method in CORS config. Unsupported method is ${method}`);
    }
    for (const origin of rule.AllowedOrigins) {
      if ((origin.match(/\*/g) ?? []).length > 1)
        throw new InvalidRequest(`AllowedOrigin "${origin}" can not have more than one wildcard.`);
    }
  }
  ctx.storage.saveBucket({ ...bucket, cors: rules });
  return {};
}
