import type { PutBucketWebsiteCommandInput, PutBucketWebsiteCommandOutput } from '@aws-sdk/client-s3';
import { invalidArgument, malformedXml } from '../errors.js';
import type { Output, S3Context } from './context.js';

export function PutBucketWebsite(input: PutBucketWebsiteCommandInput, ctx: S3Context): Output<PutBucketWebsiteCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  const config = input.WebsiteConfiguration;
  if (!config) throw malformedXml();
  if (config.RedirectAllRequestsTo) {
    if (config.IndexDocument || config.ErrorDocument || config.RoutingRules) {
      throw invalidArgument(
        'RedirectAllRequestsTo cannot be provided in conjunction with other Routing Rules.',
        'RedirectAllRequestsTo',
        'not null',
      );
    }
    if (!config.RedirectAllRequestsTo.HostName) throw malformedXml();
  } else {
    if (!config.IndexDocument) {
      throw invalidArgument('A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is empty', 'IndexDocument', 'null');
    }
    const suffix = config.IndexDocument.Suffix ?? '';
    if (!suffix || suffix.includes('/')) throw invalidArgument('The IndexDocument Suffix is not well formed', 'IndexDocument', suffix);
    if (config.ErrorDocument && !config.ErrorDocument.Key)
      throw invalidArgument('The ErrorDocument Key is not well formed', 'ErrorDocument', '');
  }
  for (const rule of config.RoutingRules ?? []) {
    const code = rule.Redirect?.HttpRedirectCode;
    if (code !== undefined && !/^3\d\d$/.test(code))
      throw invalidArgument(
        'The provided HTTP redirect code is not valid. It should be a string containing a number.',
        'HttpRedirectCode',
        code,
      );
    if (rule.Redirect?.ReplaceKeyPrefixWith !== undefined && rule.Redirect?.ReplaceKeyWith !== undefined) {
      throw invalidArgument('You can only define ReplaceKeyPrefix or ReplaceKey but not both.', 'Redirect', 'null');
    }
  }
  ctx.storage.saveBucket({ ...bucket, website: config });
  return {};
}
