import type { S3OperationName } from '../operations/index.js';
import {
  parseCompletedMultipartUpload,
  parseCorsConfiguration,
  parseCreateBucketConfiguration,
  parseDelete,
  parsePublicAccessBlockConfiguration,
  parseTagging,
  parseWebsiteConfiguration,
} from './xml-inputs.js';

/**
 * Where each operation's input members come from and where its output members go, as in S3's
 * restXml model (the SDK's schemas in @aws-sdk/client-s3 spell the same bindings).
 */
export type Scalar = 'string' | 'integer' | 'boolean' | 'timestamp';
export type Field = readonly [member: string, name: string, type?: Scalar];

export type RequestPayload =
  | { member: string; kind: 'blob' | 'text' }
  | { member: string; kind: 'xml'; parse: (text: string) => unknown; optional?: boolean };

export type ResponsePayload = { member: string; kind: 'blob' | 'text' } | { kind: 'xml'; root: string; member?: string };

export interface Binding {
  /**
   * The permission checked before the operation runs, on the request's bucket or object; `signed`
   * only needs a signed caller (account-level operations); `self` leaves the check to the
   * operation (it authorises each key).
   */
  access: { action: string; on: 'bucket' | 'object' } | 'signed' | 'self';
  query?: Field[];
  headers?: Field[];
  /** `x-amz-meta-*` headers ↔ the Metadata member. */
  metadata?: boolean;
  payload?: RequestPayload;
  /** AWS refuses these without Content-MD5 or a flexible checksum. */
  integrityRequired?: boolean;
  status?: number;
  response?: { headers?: Field[]; metadata?: boolean; payload?: ResponsePayload };
}

const CHECKSUM_HEADERS: Field[] = [
  ['ChecksumCRC32', 'x-amz-checksum-crc32'],
  ['ChecksumCRC32C', 'x-amz-checksum-crc32c'],
  ['ChecksumCRC64NVME', 'x-amz-checksum-crc64nvme'],
  ['ChecksumSHA1', 'x-amz-checksum-sha1'],
  ['ChecksumSHA256', 'x-amz-checksum-sha256'],
];

const WRITE_HEADERS: Field[] = [
  ['ACL', 'x-amz-acl'],
  ['CacheControl', 'cache-control'],
  ['ContentDisposition', 'content-disposition'],
  ['ContentEncoding', 'content-encoding'],
  ['ContentLanguage', 'content-language'],
  ['ContentType', 'content-type'],
  ['Expires', 'expires', 'timestamp'],
  ['WebsiteRedirectLocation', 'x-amz-website-redirect-location'],
  ['StorageClass', 'x-amz-storage-class'],
  ['ServerSideEncryption', 'x-amz-server-side-encryption'],
  ['Tagging', 'x-amz-tagging'],
  ['IfMatch', 'if-match'],
  ['IfNoneMatch', 'if-none-match'],
  ['ChecksumAlgorithm', 'x-amz-sdk-checksum-algorithm'],
];

const READ_HEADERS: Field[] = [
  ['IfMatch', 'if-match'],
  ['IfNoneMatch', 'if-none-match'],
  ['IfModifiedSince', 'if-modified-since', 'timestamp'],
  ['IfUnmodifiedSince', 'if-unmodified-since', 'timestamp'],
  ['Range', 'range'],
  ['ChecksumMode', 'x-amz-checksum-mode'],
];

const OBJECT_RESPONSE_HEADERS: Field[] = [
  ['AcceptRanges', 'accept-ranges'],
  ['LastModified', 'last-modified', 'timestamp'],
  ['ContentLength', 'content-length', 'integer'],
  ['ETag', 'etag'],
  ['CacheControl', 'cache-control'],
  ['ContentDisposition', 'content-disposition'],
  ['ContentEncoding', 'content-encoding'],
  ['ContentLanguage', 'content-language'],
  ['ContentRange', 'content-range'],
  ['ContentType', 'content-type'],
  ['ExpiresString', 'expires'],
  ['WebsiteRedirectLocation', 'x-amz-website-redirect-location'],
  ['ServerSideEncryption', 'x-amz-server-side-encryption'],
  ['ChecksumType', 'x-amz-checksum-type'],
  ...CHECKSUM_HEADERS,
];

const object = (action: string) => ({ action, on: 'object' as const });
const bucket = (action: string) => ({ action, on: 'bucket' as const });

export const BINDINGS: Record<S3OperationName, Binding> = {
  ListBuckets: {
    access: 'signed',
    query: [
      ['MaxBuckets', 'max-buckets', 'integer'],
      ['ContinuationToken', 'continuation-token'],
      ['Prefix', 'prefix'],
      ['BucketRegion', 'bucket-region'],
    ],
    response: { payload: { kind: 'xml', root: 'ListAllMyBucketsResult' } },
  },
  CreateBucket: {
    access: 'signed',
    headers: [
      ['ACL', 'x-amz-acl'],
      ['ObjectOwnership', 'x-amz-object-ownership'],
    ],
    payload: { member: 'CreateBucketConfiguration', kind: 'xml', parse: parseCreateBucketConfiguration, optional: true },
    response: {
      headers: [
        ['Location', 'location'],
        ['BucketArn', 'x-amz-bucket-arn'],
      ],
    },
  },
  HeadBucket: {
    access: bucket('s3:ListBucket'),
    response: {
      headers: [
        ['BucketRegion', 'x-amz-bucket-region'],
        ['BucketArn', 'x-amz-bucket-arn'],
      ],
    },
  },
  DeleteBucket: { access: bucket('s3:DeleteBucket'), status: 204 },
  GetBucketLocation: {
    access: bucket('s3:GetBucketLocation'),
    response: { payload: { kind: 'xml', root: 'LocationConstraint', member: 'LocationConstraint' } },
  },
  ListObjects: {
    access: bucket('s3:ListBucket'),
    query: [
      ['Delimiter', 'delimiter'],
      ['EncodingType', 'encoding-type'],
      ['Marker', 'marker'],
      ['MaxKeys', 'max-keys', 'integer'],
      ['Prefix', 'prefix'],
    ],
    response: { payload: { kind: 'xml', root: 'ListBucketResult' } },
  },
  ListObjectsV2: {
    access: bucket('s3:ListBucket'),
    query: [
      ['Delimiter', 'delimiter'],
      ['EncodingType', 'encoding-type'],
      ['MaxKeys', 'max-keys', 'integer'],
      ['Prefix', 'prefix'],
      ['ContinuationToken', 'continuation-token'],
      ['FetchOwner', 'fetch-owner', 'boolean'],
      ['StartAfter', 'start-after'],
    ],
    response: { payload: { kind: 'xml', root: 'ListBucketResult' } },
  },
  PutObject: {
    access: object('s3:PutObject'),
    headers: [...WRITE_HEADERS, ...CHECKSUM_HEADERS],
    metadata: true,
    payload: { member: 'Body', kind: 'blob' },
    response: {
      headers: [
        ['ETag', 'etag'],
        ['ServerSideEncryption', 'x-amz-server-side-encryption'],
        ['ChecksumType', 'x-amz-checksum-type'],
        ...CHECKSUM_HEADERS,
      ],
    },
  },
  GetObject: {
    access: object('s3:GetObject'),
    headers: READ_HEADERS,
    query: [
      ['ResponseCacheControl', 'response-cache-control'],
      ['ResponseContentDisposition', 'response-content-disposition'],
      ['ResponseContentEncoding', 'response-content-encoding'],
      ['ResponseContentLanguage', 'response-content-language'],
      ['ResponseContentType', 'response-content-type'],
      ['ResponseExpires', 'response-expires', 'timestamp'],
      ['VersionId', 'versionId'],
      ['PartNumber', 'partNumber', 'integer'],
    ],
    response: { headers: OBJECT_RESPONSE_HEADERS, metadata: true, payload: { member: 'Body', kind: 'blob' } },
  },
  HeadObject: {
    access: object('s3:GetObject'),
    headers: READ_HEADERS,
    query: [
      ['VersionId', 'versionId'],
      ['PartNumber', 'partNumber', 'integer'],
    ],
    response: { headers: OBJECT_RESPONSE_HEADERS, metadata: true },
  },
  DeleteObject: { access: object('s3:DeleteObject'), query: [['VersionId', 'versionId']], status: 204 },
  DeleteObjects: {
    access: 'self',
    payload: { member: 'Delete', kind: 'xml', parse: parseDelete },
    integrityRequired: true,
    response: { payload: { kind: 'xml', root: 'DeleteResult' } },
  },
  CopyObject: {
    access: object('s3:PutObject'),
    headers: [
      ...WRITE_HEADERS,
      ['CopySource', 'x-amz-copy-source'],
      ['MetadataDirective', 'x-amz-metadata-directive'],
      ['CopySourceIfMatch', 'x-amz-copy-source-if-match'],
      ['CopySourceIfNoneMatch', 'x-amz-copy-source-if-none-match'],
      ['CopySourceIfModifiedSince', 'x-amz-copy-source-if-modified-since', 'timestamp'],
      ['CopySourceIfUnmodifiedSince', 'x-amz-copy-source-if-unmodified-since', 'timestamp'],
    ],
    metadata: true,
    response: {
      headers: [['ServerSideEncryption', 'x-amz-server-side-encryption']],
      payload: { kind: 'xml', root: 'CopyObjectResult', member: 'CopyObjectResult' },
    },
  },
  PutBucketWebsite: {
    access: bucket('s3:PutBucketWebsite'),
    payload: { member: 'WebsiteConfiguration', kind: 'xml', parse: parseWebsiteConfiguration },
  },
  GetBucketWebsite: { access: bucket('s3:GetBucketWebsite'), response: { payload: { kind: 'xml', root: 'WebsiteConfiguration' } } },
  DeleteBucketWebsite: { access: bucket('s3:DeleteBucketWebsite'), status: 204 },
  PutBucketPolicy: { access: bucket('s3:PutBucketPolicy'), payload: { member: 'Policy', kind: 'text' }, status: 204 },
  GetBucketPolicy: { access: bucket('s3:GetBucketPolicy'), response: { payload: { member: 'Policy', kind: 'text' } } },
  DeleteBucketPolicy: { access: bucket('s3:DeleteBucketPolicy'), status: 204 },
  GetBucketPolicyStatus: {
    access: bucket('s3:GetBucketPolicyStatus'),
    response: { payload: { kind: 'xml', root: 'PolicyStatus', member: 'PolicyStatus' } },
  },
  PutPublicAccessBlock: {
    access: bucket('s3:PutBucketPublicAccessBlock'),
    payload: { member: 'PublicAccessBlockConfiguration', kind: 'xml', parse: parsePublicAccessBlockConfiguration },
    integrityRequired: true,
  },
  GetPublicAccessBlock: {
    access: bucket('s3:GetBucketPublicAccessBlock'),
    response: { payload: { kind: 'xml', root: 'PublicAccessBlockConfiguration', member: 'PublicAccessBlockConfiguration' } },
  },
  DeletePublicAccessBlock: { access: bucket('s3:PutBucketPublicAccessBlock'), status: 204 },
  PutBucketTagging: {
    access: bucket('s3:PutBucketTagging'),
    payload: { member: 'Tagging', kind: 'xml', parse: parseTagging },
    integrityRequired: true,
    status: 204,
  },
  GetBucketTagging: { access: bucket('s3:GetBucketTagging'), response: { payload: { kind: 'xml', root: 'Tagging' } } },
  DeleteBucketTagging: { access: bucket('s3:PutBucketTagging'), status: 204 },
  PutBucketCors: {
    access: bucket('s3:PutBucketCORS'),
    payload: { member: 'CORSConfiguration', kind: 'xml', parse: parseCorsConfiguration },
    integrityRequired: true,
  },
  GetBucketCors: { access: bucket('s3:GetBucketCORS'), response: { payload: { kind: 'xml', root: 'CORSConfiguration' } } },
  DeleteBucketCors: { access: bucket('s3:PutBucketCORS'), status: 204 },
  CreateMultipartUpload: {
    access: object('s3:PutObject'),
    headers: WRITE_HEADERS,
    metadata: true,
    response: {
      headers: [['ServerSideEncryption', 'x-amz-server-side-encryption']],
      payload: { kind: 'xml', root: 'InitiateMultipartUploadResult' },
    },
  },
  UploadPart: {
    access: object('s3:PutObject'),
    query: [
      ['PartNumber', 'partNumber', 'integer'],
      ['UploadId', 'uploadId'],
    ],
    headers: CHECKSUM_HEADERS,
    payload: { member: 'Body', kind: 'blob' },
    response: { headers: [['ETag', 'etag'], ['ServerSideEncryption', 'x-amz-server-side-encryption'], ...CHECKSUM_HEADERS] },
  },
  CompleteMultipartUpload: {
    access: object('s3:PutObject'),
    query: [['UploadId', 'uploadId']],
    payload: { member: 'MultipartUpload', kind: 'xml', parse: parseCompletedMultipartUpload },
    response: {
      headers: [['ServerSideEncryption', 'x-amz-server-side-encryption']],
      payload: { kind: 'xml', root: 'CompleteMultipartUploadResult' },
    },
  },
  AbortMultipartUpload: { access: object('s3:AbortMultipartUpload'), query: [['UploadId', 'uploadId']], status: 204 },
  ListParts: {
    access: object('s3:ListMultipartUploadParts'),
    query: [
      ['UploadId', 'uploadId'],
      ['MaxParts', 'max-parts', 'integer'],
      ['PartNumberMarker', 'part-number-marker'],
    ],
    response: { payload: { kind: 'xml', root: 'ListPartsResult' } },
  },
  ListMultipartUploads: {
    access: bucket('s3:ListBucketMultipartUploads'),
    query: [
      ['Delimiter', 'delimiter'],
      ['EncodingType', 'encoding-type'],
      ['KeyMarker', 'key-marker'],
      ['MaxUploads', 'max-uploads', 'integer'],
      ['Prefix', 'prefix'],
      ['UploadIdMarker', 'upload-id-marker'],
    ],
    response: { payload: { kind: 'xml', root: 'ListMultipartUploadsResult' } },
  },
};
