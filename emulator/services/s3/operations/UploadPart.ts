import type { UploadPartCommandInput, UploadPartCommandOutput } from '@aws-sdk/client-s3';
import type { Output, S3Context, WithBody } from './context.js';
import { checkPartNumber, requireUpload } from './multipart.js';
import { checksumFrom, checksumOutput } from './object-output.js';

export function UploadPart(input: WithBody<UploadPartCommandInput>, ctx: S3Context): Output<UploadPartCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  const partNumber = checkPartNumber(input.PartNumber);
  const upload = requireUpload(ctx, bucket, input.Key ?? '', input.UploadId);
  const checksum = checksumFrom(input);
  const part = ctx.storage.writePart(bucket, upload, partNumber, input.Body ?? Buffer.alloc(0), checksum);
  ctx.storage.saveUpload(bucket, { ...upload, parts: { ...upload.parts, [partNumber]: part } });
  const { ChecksumType: _fullObjectOnly, ...checksums } = checksumOutput(checksum);
  return { ETag: part.etag, ServerSideEncryption: 'AES256', ...checksums };
}
