import { randomBytes } from 'node:crypto';
import type { CreateMultipartUploadCommandInput, CreateMultipartUploadCommandOutput } from '@aws-sdk/client-s3';
import { AccessControlListNotSupported, KeyTooLongError } from '../errors.js';
import { MAX_KEY_BYTES } from '../names.js';
import type { Output, S3Context } from './context.js';
import { storedHeaders } from './object-input.js';

export function CreateMultipartUpload(
  input: CreateMultipartUploadCommandInput,
  ctx: S3Context,
): Output<CreateMultipartUploadCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  const key = input.Key ?? '';
  const size = Buffer.byteLength(key, 'utf8');
  if (size > MAX_KEY_BYTES) throw new KeyTooLongError('Your key is too long', { Size: size, MaxSizeAllowed: MAX_KEY_BYTES });
  if (input.ACL && input.ACL !== 'private' && input.ACL !== 'bucket-owner-full-control') {
    throw new AccessControlListNotSupported('The bucket does not allow ACLs');
  }
  const uploadId = randomBytes(48).toString('base64url');
  ctx.storage.saveUpload(bucket, {
    uploadId,
    key,
    initiated: new Date().toISOString(),
    headers: storedHeaders(input),
    metadata: input.Metadata ?? {},
    parts: {},
  });
  return { Bucket: bucket.name, Key: key, UploadId: uploadId, ServerSideEncryption: 'AES256' };
}
