import type { PutPublicAccessBlockCommandInput, PutPublicAccessBlockCommandOutput } from '@aws-sdk/client-s3';
import { InvalidRequest } from '../errors.js';
import type { Output, S3Context } from './context.js';

export function PutPublicAccessBlock(input: PutPublicAccessBlockCommandInput, ctx: S3Context): Output<PutPublicAccessBlockCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  const config = input.PublicAccessBlockConfiguration ?? {};
  const settings = [config.BlockPublicAcls, config.IgnorePublicAcls, config.BlockPublicPolicy, config.RestrictPublicBuckets];
  if (settings.every((s) => s === undefined)) throw new InvalidRequest('Must specify at least one configuration.');
  ctx.storage.saveBucket({
    ...bucket,
    publicAccessBlock: {
      BlockPublicAcls: config.BlockPublicAcls ?? false,
      IgnorePublicAcls: config.IgnorePublicAcls ?? false,
      BlockPublicPolicy: config.BlockPublicPolicy ?? false,
      RestrictPublicBuckets: config.RestrictPublicBuckets ?? false,
    },
  });
  return {};
}
