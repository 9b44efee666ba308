import type { OperationContext } from '../../../protocols/aws-json.js';
import type { Caller } from '../access.js';
import type { BucketRecord, S3Storage } from '../storage.js';

/** What an S3 operation is given besides its input. */
export interface S3Context extends OperationContext {
  storage: S3Storage;
  caller: Caller;
  /** The named bucket, or NoSuchBucket. */
  bucket(name: string | undefined): BucketRecord;
  /** Whether the caller may perform `action` on `resource` of the bucket (bucket policy, Block Public Access). */
  allowed(bucket: BucketRecord, action: string, resource: string): boolean;
}

/** An SDK output shape without the client-side metadata. */
export type Output<T> = Omit<T, '$metadata'>;

/** Streaming members reach operations as a Buffer (the edge has read the whole body). */
export type WithBody<T> = Omit<T, 'Body'> & { Body?: Buffer };
