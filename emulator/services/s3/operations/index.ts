import type * as S3Sdk from '@aws-sdk/client-s3';
import { AbortMultipartUpload } from './AbortMultipartUpload.js';
import { CompleteMultipartUpload } from './CompleteMultipartUpload.js';
import { CopyObject } from './CopyObject.js';
import { CreateBucket } from './CreateBucket.js';
import { CreateMultipartUpload } from './CreateMultipartUpload.js';
import type { S3Context } from './context.js';
import { DeleteBucket } from './DeleteBucket.js';
import { DeleteBucketCors } from './DeleteBucketCors.js';
import { DeleteBucketPolicy } from './DeleteBucketPolicy.js';
import { DeleteBucketTagging } from './DeleteBucketTagging.js';
import { DeleteBucketWebsite } from './DeleteBucketWebsite.js';
import { DeleteObject } from './DeleteObject.js';
import { DeleteObjects } from './DeleteObjects.js';
import { DeletePublicAccessBlock } from './DeletePublicAccessBlock.js';
import { GetBucketCors } from './GetBucketCors.js';
import { GetBucketLocation } from './GetBucketLocation.js';
import { GetBucketPolicy } from './GetBucketPolicy.js';
import { GetBucketPolicyStatus } from './GetBucketPolicyStatus.js';
import { GetBucketTagging } from './GetBucketTagging.js';
import { GetBucketWebsite } from './GetBucketWebsite.js';
import { GetObject } from './GetObject.js';
import { GetPublicAccessBlock } from './GetPublicAccessBlock.js';
import { HeadBucket } from './HeadBucket.js';
import { HeadObject } from './HeadObject.js';
import { ListBuckets } from './ListBuckets.js';
import { ListMultipartUploads } from './ListMultipartUploads.js';
import { ListObjects } from './ListObjects.js';
import { ListObjectsV2 } from './ListObjectsV2.js';
import { ListParts } from './ListParts.js';
import { PutBucketCors } from './PutBucketCors.js';
import { PutBucketPolicy } from './PutBucketPolicy.js';
import { PutBucketTagging } from './PutBucketTagging.js';
import { PutBucketWebsite } from './PutBucketWebsite.js';
import { PutObject } from './PutObject.js';
import { PutPublicAccessBlock } from './PutPublicAccessBlock.js';
import { UploadPart } from './UploadPart.js';

/** Every S3 operation name the SDK knows (from its `<Name>Command` exports). */
export type S3CommandName = { [K in keyof typeof S3Sdk]: K extends `${infer N}Command` ? N : never }[keyof typeof S3Sdk];

type S3Operation = (input: any, ctx: S3Context) => unknown;

/** The implemented operations, keyed by AWS name (a misspelt name fails the type check). */
export const OPERATIONS = {
  AbortMultipartUpload,
  CompleteMultipartUpload,
  CreateMultipartUpload,
  ListMultipartUploads,
  ListParts,
  UploadPart,
  CopyObject,
  CreateBucket,
  DeleteBucket,
  DeleteBucketCors,
  DeleteBucketPolicy,
  DeleteBucketTagging,
  DeleteBucketWebsite,
  DeleteObject,
  DeleteObjects,
  DeletePublicAccessBlock,
  GetBucketCors,
  GetBucketLocation,
  GetBucketPolicy,
  GetBucketPolicyStatus,
  GetBucketTagging,
  GetBucketWebsite,
  GetObject,
  GetPublicAccessBlock,
  HeadBucket,
  HeadObject,
  ListBuckets,
  ListObjects,
  ListObjectsV2,
  PutBucketCors,
  PutBucketPolicy,
  PutBucketTagging,
  PutBucketWebsite,
  PutObject,
  PutPublicAccessBlock,
} satisfies Partial<Record<S3CommandName, S3Operation>>;

export type S3OperationName = keyof typeof OPERATIONS;
