import type { HeadObjectCommandInput, HeadObjectCommandOutput } from '@aws-sdk/client-s3';
import { checkConditions, resolveRange } from '../object-serving.js';
import type { Output, S3Context } from './context.js';
import { checksumOutput, missingObject, objectHeaders } from './object-output.js';

export function HeadObject(input: HeadObjectCommandInput, ctx: S3Context): Output<HeadObjectCommandOutput> & { ExpiresString?: string } {
  const bucket = ctx.bucket(input.Bucket);
  const key = input.Key ?? '';
  const object = ctx.storage.getObject(bucket, key);
  if (!object) throw missingObject(ctx, bucket, key);
  checkConditions(object, input);
  const output = objectHeaders(object);
  const range = resolveRange(input.Range, object.size);
  if (range) {
    output.ContentLength = range.end - range.start + 1;
    output.ContentRange = `bytes ${range.start}-${range.end}/${object.size}`;
  } else if (input.ChecksumMode === 'ENABLED') {
    Object.assign(output, checksumOutput(object.checksum));
  }
  return output;
}
