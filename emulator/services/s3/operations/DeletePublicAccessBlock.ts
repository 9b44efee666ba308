import type { DeletePublicAccessBlockCommandInput, DeletePublicAccessBlockCommandOutput } from '@aws-sdk/client-s3';
import type { Output, S3Context } from './context.js';

export function DeletePublicAccessBlock(
  input: DeletePublicAccessBlockCommandInput,
  ctx: S3Context,
): Output<DeletePublicAccessBlockCommandOutput> {
  const { publicAccessBlock: _removed, ...bucket } = ctx.bucket(input.Bucket);
  ctx.storage.saveBucket(bucket);
  return {};
}
