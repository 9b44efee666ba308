import type { ListObjectsCommandInput, ListObjectsCommandOutput } from '@aws-sdk/client-s3';
import type { Output, S3Context } from './context.js';
import { listBucket, parseMaxKeys, urlEncoder } from './listing.js';

/** The original listing: Marker in, NextMarker out (only with a delimiter, as on AWS). */
export function ListObjects(input: ListObjectsCommandInput, ctx: S3Context): Output<ListObjectsCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  const maxKeys = parseMaxKeys(input.MaxKeys);
  const prefix = input.Prefix ?? '';
  const delimiter = input.Delimiter || undefined;
  const page = listBucket(ctx.storage, bucket, { prefix, delimiter, after: input.Marker || undefined, maxKeys, fetchOwner: true });
  const encode = urlEncoder(input.EncodingType);
  return {
    Name: bucket.name,
    Prefix: encode(prefix),
    Marker: encode(input.Marker ?? ''),
    NextMarker: page.isTruncated && delimiter ? encode(page.last) : undefined,
    MaxKeys: maxKeys,
    Delimiter: encode(delimiter),
    IsTruncated: page.isTruncated,
    Contents: page.contents.length ? page.contents.map((c) => ({ ...c, Key: encode(c.Key) })) : undefined,
    CommonPrefixes: page.commonPrefixes.length ? page.commonPrefixes.map((p) => ({ Prefix: encode(p.Prefix) })) : undefined,
    EncodingType: input.EncodingType,
  };
}
