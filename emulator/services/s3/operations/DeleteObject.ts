import type { DeleteObjectCommandInput, DeleteObjectCommandOutput } from '@aws-sdk/client-s3';
import type { Output, S3Context } from './context.js';

/** Deleting a key that does not exist succeeds, as on AWS. */
export function DeleteObject(input: DeleteObjectCommandInput, ctx: S3Context): Output<DeleteObjectCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  ctx.storage.deleteObject(bucket, input.Key ?? '');
  return {};
}
