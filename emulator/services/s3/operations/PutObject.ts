import type { PutObjectCommandInput, PutObjectCommandOutput } from '@aws-sdk/client-s3';
import { AccessControlListNotSupported, KeyTooLongError } from '../errors.js';
import { MAX_KEY_BYTES } from '../names.js';
import type { Output, S3Context, WithBody } from './context.js';
import { checkWriteConditions, storedHeaders } from './object-input.js';
import { checksumFrom, checksumOutput } from './object-output.js';

const ACLS_ALLOWED_WITH_OWNER_ENFORCED = new Set(['private', 'bucket-owner-full-control']);

export function PutObject(input: WithBody<PutObjectCommandInput>, ctx: S3Context): Output<PutObjectCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  const key = input.Key ?? '';
  const size = Buffer.byteLength(key, 'utf8');
  if (size > MAX_KEY_BYTES) throw new KeyTooLongError('Your key is too long', { Size: size, MaxSizeAllowed: MAX_KEY_BYTES });
  if (input.ACL && !ACLS_ALLOWED_WITH_OWNER_ENFORCED.has(input.ACL)) {
    throw new AccessControlListNotSupported('The bucket does not allow ACLs');
  }
  checkWriteConditions(ctx.storage.getObject(bucket, key), key, input);
  const checksum = checksumFrom(input);
  const record = ctx.storage.putObject(
    bucket,
    { key, headers: storedHeaders(input), metadata: input.Metadata ?? {}, checksum },
    input.Body ?? Buffer.alloc(0),
  );
  return { ETag: record.etag, ServerSideEncryption: 'AES256', ...checksumOutput(checksum) };
}
