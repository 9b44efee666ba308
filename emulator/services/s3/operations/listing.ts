import type { _Object, CommonPrefix } from '@aws-sdk/client-s3';
import { invalidArgument } from '../errors.js';
import { canonicalUserId } from '../owner.js';
import { type BucketRecord, compareKeys, type ObjectRecord, type S3Storage } from '../storage.js';

export interface ListingRequest {
  prefix: string;
  delimiter?: string;
  /** Only keys (and common prefixes) after this one. */
  after?: string;
  maxKeys: number;
  fetchOwner?: boolean;
}

export interface Listing {
  contents: _Object[];
  commonPrefixes: CommonPrefix[];
  isTruncated: boolean;
  /** The last key or common prefix returned, where the next page starts. */
  last?: string;
}

export function parseMaxKeys(value: number | undefined): number {
  if (value === undefined) return 1000;
  if (!Number.isInteger(value) || value < 0)
    throw invalidArgument('Argument maxKeys must be an integer between 0 and 2147483647', 'maxKeys', String(value));
  return Math.min(value, 1000);
}

function entry(object: ObjectRecord, owner: string | undefined): _Object {
  return {
    Key: object.key,
    LastModified: new Date(object.lastModified),
    ETag: object.etag,
    ChecksumAlgorithm: object.checksum ? [object.checksum.algorithm] : undefined,
    ChecksumType: object.checksum ? 'FULL_OBJECT' : undefined,
    Size: object.size,
    Owner: owner ? { ID: owner } : undefined,
    StorageClass: 'STANDARD',
  };
}

/** One page of a bucket listing with S3's prefix/delimiter grouping; MaxKeys counts keys and common prefixes alike. */
export function listBucket(storage: S3Storage, bucket: BucketRecord, request: ListingRequest): Listing {
  const { prefix, delimiter, after, maxKeys } = request;
  const owner = request.fetchOwner ? canonicalUserId(bucket.account) : undefined;
  const listing: Listing = { contents: [], commonPrefixes: [], isTruncated: false };
  let lastPrefix: string | undefined;
  for (const object of storage.listObjects(bucket)) {
    const key = object.key;
    if (!key.startsWith(prefix)) continue;
    if (after !== undefined && (compareKeys(key, after) <= 0 || (delimiter && after.endsWith(delimiter) && key.startsWith(after))))
      continue;
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    const commonPrefix = cut >= 0 ? key.slice(0, cut + delimiter!.length) : undefined;
    if (commonPrefix !== undefined && commonPrefix === lastPrefix) continue;
    if (listing.contents.length + listing.commonPrefixes.length >= maxKeys) {
      listing.isTruncated = true;
      break;
    }
    if (commonPrefix !== undefined) {
      listing.commonPrefixes.push({ Prefix: commonPrefix });
      lastPrefix = commonPrefix;
      listing.last = commonPrefix;
    } else {
      listing.contents.push(entry(object, owner));
      listing.last = key;
    }
  }
  return listing;
}

/** S3's `encoding-type=url`: names are percent-encoded (slashes kept). */
export function urlEncoder(encodingType: string | undefined): (value: string | undefined) => string | undefined {
  if (encodingType !== 'url') return (value) => value;
  return (value) => (value === undefined ? undefined : encodeURIComponent(value).replace(/%2F/g, '/'));
}
