import type { GetObjectCommandInput, GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { checkConditions, resolveRange } from '../object-serving.js';
import type { Output, S3Context } from './context.js';
import { checksumOutput, missingObject, objectHeaders } from './object-output.js';

export type GetObjectResult = Omit<Output<GetObjectCommandOutput>, 'Body'> & { Body?: Buffer; ExpiresString?: string };

export function GetObject(input: GetObjectCommandInput, ctx: S3Context): GetObjectResult {
  const bucket = ctx.bucket(input.Bucket);
  const key = input.Key ?? '';
  const object = ctx.storage.getObject(bucket, key);
  if (!object) throw missingObject(ctx, bucket, key);
  checkConditions(object, input);
  const range = resolveRange(input.Range, object.size);
  const body = ctx.storage.readBody(bucket, object);
  const output: GetObjectResult = { ...objectHeaders(object), Body: body };
  if (range) {
    output.Body = body.subarray(range.start, range.end + 1);
    output.ContentLength = output.Body.length;
    output.ContentRange = `bytes ${range.start}-${range.end}/${object.size}`;
  } else if (input.ChecksumMode === 'ENABLED') {
    Object.assign(output, checksumOutput(object.checksum));
  }
  // Response header overrides (presigned download links use them).
  if (input.ResponseContentType) output.ContentType = input.ResponseContentType;
  if (input.ResponseCacheControl) output.CacheControl = input.ResponseCacheControl;
  if (input.ResponseContentDisposition) output.ContentDisposition = input.ResponseContentDisposition;
  if (input.ResponseContentEncoding) output.ContentEncoding = input.ResponseContentEncoding;
  if (input.ResponseContentLanguage) output.ContentLanguage = input.ResponseContentLanguage;
  if (input.ResponseExpires) output.ExpiresString = input.ResponseExpires.toUTCString();
  return output;
}
