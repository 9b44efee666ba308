import { createHash } from 'node:crypto';
import type { CORSRule, PublicAccessBlockConfiguration, Tag, WebsiteConfiguration } from '@aws-sdk/client-s3';
import { uuid } from '../../core/ids.js';
import type { Store } from '../../core/store.js';

export interface BucketRecord {
  name: string;
  account: string;
  region: string;
  createdAt: string;
  website?: WebsiteConfiguration;
  /** The policy JSON as accepted (whitespace removed). */
  policy?: string;
  publicAccessBlock?: PublicAccessBlockConfiguration;
  tags?: Tag[];
  cors?: CORSRule[];
}

/** Object headers S3 stores and returns as they were given. */
export interface StoredHeaders {
  ContentType: string;
  CacheControl?: string;
  ContentDisposition?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  Expires?: string;
  WebsiteRedirectLocation?: string;
}

export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';

export interface ObjectRecord {
  key: string;
  /** Id of the body blob; a new one per write, so a crash never pairs metadata with another body. */
  blob: string;
  size: number;
  /** Quoted MD5 hex, as sent in the ETag header. */
  etag: string;
  lastModified: string;
  headers: StoredHeaders;
  metadata: Record<string, string>;
  checksum?: { algorithm: ChecksumAlgorithm; value: string };
}

export interface PartRecord {
  partNumber: number;
  blob: string;
  size: number;
  etag: string;
  lastModified: string;
  checksum?: { algorithm: ChecksumAlgorithm; value: string };
}

/** A multipart upload in progress: what CreateMultipartUpload said about the object, and the parts so far. */
export interface UploadRecord {
  uploadId: string;
  key: string;
  initiated: string;
  headers: StoredHeaders;
  metadata: Record<string, string>;
  parts: Record<string, PartRecord>;
}

/** A short, file-name-safe id for an object key (keys may hold '/', '..' and up to 1024 bytes). */
function objectId(key: string): string {
  const bytes = Buffer.from(key, 'utf8');
  return bytes.length <= 120 ? `k${bytes.toString('base64url')}` : `h${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Orders keys as S3 does: by their UTF-8 bytes. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Buckets and objects in the store. Bucket names are unique across accounts (one namespace, as in
 * AWS); each bucket lives under its owner's account and its region.
 */
export class S3Storage {
  /** Bucket name → owner and region, rebuilt from the store on first use. */
  private index?: Map<string, { account: string; region: string }>;

  constructor(private readonly store: Store) {}

  private base(account: string, region: string): string {
    return `s3/${account}/${region}`;
  }

  private bucketKey(bucket: { name: string; account: string; region: string }): string {
    return `${this.base(bucket.account, bucket.region)}/buckets/${bucket.name}`;
  }

  private objectsPrefix(bucket: BucketRecord): string {
    return `${this.base(bucket.account, bucket.region)}/objects/${bucket.name}`;
  }

  private bodyKey(bucket: BucketRecord, blob: string): string {
    return `${this.base(bucket.account, bucket.region)}/bodies/${bucket.name}/${blob}`;
  }

  private bucketIndex(): Map<string, { account: string; region: string }> {
    if (!this.index) {
      this.index = new Map();
      for (const key of this.store.keys('s3')) {
        const parts = key.split('/');
        if (parts.length === 5 && parts[3] === 'buckets') this.index.set(parts[4]!, { account: parts[1]!, region: parts[2]! });
      }
    }
    return this.index;
  }

  findBucket(name: string): BucketRecord | undefined {
    const where = this.bucketIndex().get(name);
    return where ? this.store.get<BucketRecord>(this.bucketKey({ name, ...where })) : undefined;
  }

  saveBucket(bucket: BucketRecord): void {
    this.store.put(this.bucketKey(bucket), bucket);
    this.bucketIndex().set(bucket.name, { account: bucket.account, region: bucket.region });
  }

  deleteBucket(bucket: BucketRecord): void {
    this.store.deleteAll(`${this.base(bucket.account, bucket.region)}/uploads/${bucket.name}`);
    this.store.deleteAll(`${this.base(bucket.account, bucket.region)}/parts/${bucket.name}`);
    this.store.deleteAll(this.objectsPrefix(bucket));
    this.store.deleteAll(`${this.base(bucket.account, bucket.region)}/bodies/${bucket.name}`);
    this.store.delete(this.bucketKey(bucket));
    this.bucketIndex().delete(bucket.name);
  }

  listBuckets(account: string): BucketRecord[] {
    const buckets: BucketRecord[] = [];
    for (const [name, where] of this.bucketIndex()) {
      if (where.account !== account) continue;
      const bucket = this.findBucket(name);
      if (bucket) buckets.push(bucket);
    }
    return buckets.sort((a, b) => compareKeys(a.name, b.name));
  }

  getObject(bucket: BucketRecord, key: string): ObjectRecord | undefined {
    return this.store.get<ObjectRecord>(`${this.objectsPrefix(bucket)}/${objectId(key)}`);
  }

  readBody(bucket: BucketRecord, object: ObjectRecord): Buffer {
    return this.store.getBlob(this.bodyKey(bucket, object.blob)) ?? Buffer.alloc(0);
  }

  /** Writes the body, then the metadata that points to it, then drops the body it replaces. */
  putObject(
    bucket: BucketRecord,
    object: Omit<ObjectRecord, 'blob' | 'size' | 'etag' | 'lastModified'>,
    body: Buffer,
    etag = `"${createHash('md5').update(body).digest('hex')}"`,
  ): ObjectRecord {
    const previous = this.getObject(bucket, object.key);
    const record: ObjectRecord = {
      ...object,
      blob: uuid(),
      size: body.length,
      etag,
      lastModified: new Date().toISOString(),
    };
    this.store.putBlob(this.bodyKey(bucket, record.blob), body);
    this.store.put(`${this.objectsPrefix(bucket)}/${objectId(object.key)}`, record);
    if (previous) this.store.deleteBlob(this.bodyKey(bucket, previous.blob));
    return record;
  }

  deleteObject(bucket: BucketRecord, key: string): void {
    const previous = this.getObject(bucket, key);
    if (!previous) return;
    this.store.delete(`${this.objectsPrefix(bucket)}/${objectId(key)}`);
    this.store.deleteBlob(this.bodyKey(bucket, previous.blob));
  }

  /** Every object of the bucket, in S3's key order. */
  listObjects(bucket: BucketRecord): ObjectRecord[] {
    return this.store
      .keys(this.objectsPrefix(bucket))
      .map((key) => this.store.get<ObjectRecord>(key)!)
      .filter(Boolean)
      .sort((a, b) => compareKeys(a.key, b.key));
  }

  isEmpty(bucket: BucketRecord): boolean {
    return this.store.keys(this.objectsPrefix(bucket)).length === 0;
  }

  private uploadsPrefix(bucket: BucketRecord): string {
    return `${this.base(bucket.account, bucket.region)}/uploads/${bucket.name}`;
  }

  private partKey(bucket: BucketRecord, uploadId: string, blob: string): string {
    return `${this.base(bucket.account, bucket.region)}/parts/${bucket.name}/${uploadId}/${blob}`;
  }

  getUpload(bucket: BucketRecord, uploadId: string): UploadRecord | undefined {
    return /^[\w-]+$/.test(uploadId) ? this.store.get<UploadRecord>(`${this.uploadsPrefix(bucket)}/${uploadId}`) : undefined;
  }

  saveUpload(bucket: BucketRecord, upload: UploadRecord): void {
    this.store.put(`${this.uploadsPrefix(bucket)}/${upload.uploadId}`, upload);
  }

  listUploads(bucket: BucketRecord): UploadRecord[] {
    return this.store.keys(this.uploadsPrefix(bucket)).map((key) => this.store.get<UploadRecord>(key)!);
  }

  /** Stores a part's body (a new blob per attempt) and returns its record; the caller saves the upload. */
  writePart(bucket: BucketRecord, upload: UploadRecord, partNumber: number, body: Buffer, checksum?: PartRecord['checksum']): PartRecord {
    const part: PartRecord = {
      partNumber,
      blob: uuid(),
      size: body.length,
      etag: `"${createHash('md5').update(body).digest('hex')}"`,
      lastModified: new Date().toISOString(),
      checksum,
    };
    this.store.putBlob(this.partKey(bucket, upload.uploadId, part.blob), body);
    return part;
  }

  readPart(bucket: BucketRecord, upload: UploadRecord, part: PartRecord): Buffer {
    return this.store.getBlob(this.partKey(bucket, upload.uploadId, part.blob)) ?? Buffer.alloc(0);
  }

  /** Drops an upload and every part body it holds (replaced part bodies included). */
  deleteUpload(bucket: BucketRecord, uploadId: string): void {
    this.store.delete(`${this.uploadsPrefix(bucket)}/${uploadId}`);
    this.store.deleteAll(`${this.base(bucket.account, bucket.region)}/parts/${bucket.name}/${uploadId}`);
  }

  forget(): void {
    this.index = undefined;
  }
}
