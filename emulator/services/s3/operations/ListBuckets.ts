import type { ListBucketsCommandInput, ListBucketsCommandOutput } from '@aws-sdk/client-s3';
import { invalidArgument } from '../errors.js';
import { canonicalUserId } from '../owner.js';
import { compareKeys } from '../storage.js';
import type { Output, S3Context } from './context.js';

export function ListBuckets(input: ListBucketsCommandInput, ctx: S3Context): Output<ListBucketsCommandOutput> {
  const max = input.MaxBuckets ?? 10000;
  if (!Number.isInteger(max) || max < 1 || max > 10000) {
    throw invalidArgument('Argument max-buckets must be an integer between 1 and 10000', 'max-buckets', String(input.MaxBuckets));
  }
  let after: string | undefined;
  if (input.ContinuationToken) {
    after = Buffer.from(input.ContinuationToken, 'base64').toString('utf8');
    if (!after) throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', input.ContinuationToken);
  }
  const candidates = ctx.storage
    .listBuckets(ctx.account)
    .filter((b) => !input.Prefix || b.name.startsWith(input.Prefix))
    .filter((b) => !input.BucketRegion || b.region === input.BucketRegion)
    .filter((b) => after === undefined || compareKeys(b.name, after) > 0);
  const page = candidates.slice(0, max);
  const truncated = candidates.length > page.length;
  return {
    Buckets: page.map((b) => ({
      Name: b.name,
      CreationDate: new Date(b.createdAt),
      BucketRegion: b.region,
      BucketArn: `arn:aws:s3:::${b.name}`,
    })),
    Owner: { ID: canonicalUserId(ctx.account) },
    ContinuationToken: truncated ? Buffer.from(page.at(-1)!.name, 'utf8').toString('base64') : undefined,
    Prefix: input.Prefix,
  };
}
