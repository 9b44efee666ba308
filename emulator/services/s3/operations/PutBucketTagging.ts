import type { PutBucketTaggingCommandInput, PutBucketTaggingCommandOutput } from '@aws-sdk/client-s3';
import { InvalidTag, malformedXml } from '../errors.js';
import type { Output, S3Context } from './context.js';

export function PutBucketTagging(input: PutBucketTaggingCommandInput, ctx: S3Context): Output<PutBucketTaggingCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  const tags = input.Tagging?.TagSet;
  if (!tags) throw malformedXml();
  if (tags.length > 50) throw new InvalidTag('Bucket tag count cannot be greater than 50');
  const keys = new Set<string>();
  for (const { Key: key = '', Value: value = '' } of tags) {
    if (keys.has(key)) throw new InvalidTag('Cannot provide multiple Tags with the same key', { TagKey: key });
    keys.add(key);
    if (key.length === 0 || key.length > 128) throw new InvalidTag('The TagKey you have provided is invalid', { TagKey: key });
    if (value.length > 256) throw new InvalidTag('The TagValue you have provided is invalid', { TagKey: key, TagValue: value });
    if (key.toLowerCase().startsWith('aws:')) throw new InvalidTag('System tags cannot be added/updated by requester');
  }
  ctx.storage.saveBucket({ ...bucket, tags });
  return {};
}
