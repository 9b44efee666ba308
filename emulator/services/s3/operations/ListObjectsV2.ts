import type { ListObjectsV2CommandInput, ListObjectsV2CommandOutput } from '@aws-sdk/client-s3';
import { invalidArgument } from '../errors.js';
import type { Output, S3Context } from './context.js';
import { listBucket, parseMaxKeys, urlEncoder } from './listing.js';

const TOKEN_PREFIX = 'lc1:';

function readToken(token: string): string {
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  if (!decoded.startsWith(TOKEN_PREFIX)) throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
  return decoded.slice(TOKEN_PREFIX.length);
}

export function ListObjectsV2(input: ListObjectsV2CommandInput, ctx: S3Context): Output<ListObjectsV2CommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  const maxKeys = parseMaxKeys(input.MaxKeys);
  const prefix = input.Prefix ?? '';
  const after = input.ContinuationToken !== undefined ? readToken(input.ContinuationToken) : input.StartAfter || undefined;
  const page = listBucket(ctx.storage, bucket, {
    prefix,
    delimiter: input.Delimiter || undefined,
    after,
    maxKeys,
    fetchOwner: input.FetchOwner,
  });
  const encode = urlEncoder(input.EncodingType);
  return {
    Name: bucket.name,
    Prefix: encode(prefix),
    StartAfter: encode(input.StartAfter),
    ContinuationToken: input.ContinuationToken,
    NextContinuationToken: page.isTruncated ? Buffer.from(`${TOKEN_PREFIX}${page.last}`, 'utf8').toString('base64') : undefined,
    KeyCount: page.contents.length + page.commonPrefixes.length,
    MaxKeys: maxKeys,
    Delimiter: encode(input.Delimiter || undefined),
    IsTruncated: page.isTruncated,
    Contents: page.contents.length ? page.contents.map((c) => ({ ...c, Key: encode(c.Key) })) : undefined,
    CommonPrefixes: page.commonPrefixes.length ? page.commonPrefixes.map((p) => ({ Prefix: encode(p.Prefix) })) : undefined,
    EncodingType: input.EncodingType,
  };
}
