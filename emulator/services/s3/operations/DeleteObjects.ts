import type { _Error, DeletedObject, DeleteObjectsCommandInput, DeleteObjectsCommandOutput } from '@aws-sdk/client-s3';
import { objectArn } from '../access.js';
import { malformedXml } from '../errors.js';
import type { Output, S3Context } from './context.js';

/** Each key is authorised on its own: a denied key is reported in Errors while the others are deleted. */
export function DeleteObjects(input: DeleteObjectsCommandInput, ctx: S3Context): Output<DeleteObjectsCommandOutput> {
  const bucket = ctx.bucket(input.Bucket);
  const objects = input.Delete?.Objects ?? [];
  if (objects.length === 0 || objects.length > 1000) throw malformedXml();
  const deleted: DeletedObject[] = [];
  const errors: _Error[] = [];
  for (const { Key: key = '' } of objects) {
    if (!ctx.allowed(bucket, 's3:DeleteObject', objectArn(bucket.name, key))) {
      errors.push({ Key: key, Code: 'AccessDenied', Message: 'Access Denied' });
      continue;
    }
    ctx.storage.deleteObject(bucket, key);
    deleted.push({ Key: key });
  }
  return { Deleted: input.Delete?.Quiet ? undefined : deleted, Errors: errors.length ? errors : undefined };
}
