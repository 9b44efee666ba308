import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteBucketCorsCommand,
  DeleteBucketPolicyCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  DeletePublicAccessBlockCommand,
  GetBucketCorsCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetBucketWebsiteCommand,
  GetObjectCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListMultipartUploadsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutBucketCorsCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutBucketWebsiteCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  S3Client,
  type S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { streamingSignedPut } from '../../../test/sigv4.js';
import { startLocalCloud } from '../../index.js';
import { signedFetch } from '../sts/signed-fetch.js';
import { hostRequest } from './host-request.js';

const publicReadPolicy = (bucket: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }],
  });

async function failure(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise;
  } catch (err) {
    return err as S3ServiceException;
  }
  throw new Error('expected the call to fail');
}

describe('S3', () => {
  let cloud: TestCloud;
  let s3: S3Client;
  beforeAll(async () => {
    cloud = await startTestCloud();
    s3 = new S3Client(cloud.clientConfig);
  });
  afterAll(async () => cloud.close());

  describe('buckets', () => {
    it('creates, heads, lists, locates and deletes a bucket', async () => {
      const created = await s3.send(new CreateBucketCommand({ Bucket: 'bucket-basics' }));
      expect(created.Location).toBe('/bucket-basics');
      const head = await s3.send(new HeadBucketCommand({ Bucket: 'bucket-basics' }));
      expect(head.BucketRegion).toBe('us-east-1');
      const list = await s3.send(new ListBucketsCommand({}));
      expect(list.Buckets?.map((b) => b.Name)).toContain('bucket-basics');
      expect(list.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
      const location = await s3.send(new GetBucketLocationCommand({ Bucket: 'bucket-basics' }));
      expect(location.LocationConstraint).toBeUndefined();
      await s3.send(new DeleteBucketCommand({ Bucket: 'bucket-basics' }));
      const gone = await failure(s3.send(new HeadBucketCommand({ Bucket: 'bucket-basics' })));
      expect(gone.name).toBe('NotFound');
      expect(gone.$metadata.httpStatusCode).toBe(404);
    });

    it('applies the LocationConstraint rules of regional endpoints', async () => {
      // The SDK adds the LocationConstraint of its region by itself: send the bare request by hand.
      const unspecified = await signedFetch(`${cloud.url}/bucket-west`, { method: 'PUT', service: 's3', region: 'eu-west-1' });
      expect(unspecified.status).toBe(400);
      const text = await unspecified.text();
      expect(text).toContain('<Code>IllegalLocationConstraintException</Code>');
      expect(text).toContain(
        '<Message>The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.</Message>',
      );
      const west = new S3Client({ ...cloud.clientConfig, region: 'eu-west-1' });
      await west.send(new CreateBucketCommand({ Bucket: 'bucket-west', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
      const location = await s3.send(new GetBucketLocationCommand({ Bucket: 'bucket-west' }));
      expect(location.LocationConstraint).toBe('eu-west-1');
      const again = await failure(
        west.send(new CreateBucketCommand({ Bucket: 'bucket-west', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } })),
      );
      expect(again.name).toBe('BucketAlreadyOwnedByYou');
      expect(again.$metadata.httpStatusCode).toBe(409);
      const explicitUsEast = await failure(
        s3.send(
          new CreateBucketCommand({
            Bucket: 'bucket-east-explicit',
            CreateBucketConfiguration: { LocationConstraint: 'us-east-1' as never },
          }),
        ),
      );
      expect(explicitUsEast.name).toBe('InvalidLocationConstraint');
    });

    it('keeps bucket names unique across accounts, and re-creating your own us-east-1 bucket is a no-op', async () => {
      await s3.send(new CreateBucketCommand({ Bucket: 'bucket-shared-name' }));
      await expect(s3.send(new CreateBucketCommand({ Bucket: 'bucket-shared-name' }))).resolves.toBeDefined();
      const other = new S3Client({ ...cloud.clientConfig, credentials: { accessKeyId: '111111111111', secretAccessKey: 'test' } });
      const taken = await failure(other.send(new CreateBucketCommand({ Bucket: 'bucket-shared-name' })));
      expect(taken.name).toBe('BucketAlreadyExists');
      expect(taken.message).toBe(
        'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
      );
      const mine = await other.send(new ListBucketsCommand({}));
      expect(mine.Buckets ?? []).toEqual([]);
      const denied = await failure(other.send(new ListObjectsV2Command({ Bucket: 'bucket-shared-name' })));
      expect(denied.name).toBe('AccessDenied');
    });

    it('rejects invalid bucket names', async () => {
      for (const name of ['ab', 'UpperCase', 'has_underscore', 'double..dot', '192.168.1.1', '-leading', 'xn--punycode']) {
        const err = await failure(s3.send(new CreateBucketCommand({ Bucket: name })));
        expect(err.name, name).toBe('InvalidBucketName');
        expect(err.message).toBe('The specified bucket is not valid.');
      }
    });

    it('refuses to delete a bucket that is not empty', async () => {
      await s3.send(new CreateBucketCommand({ Bucket: 'bucket-full' }));
      await s3.send(new PutObjectCommand({ Bucket: 'bucket-full', Key: 'x', Body: 'x' }));
      const err = await failure(s3.send(new DeleteBucketCommand({ Bucket: 'bucket-full' })));
      expect(err.name).toBe('BucketNotEmpty');
      expect(err.$metadata.httpStatusCode).toBe(409);
    });

    it('answers NoSuchBucket with the bucket name in the error document', async () => {
      const res = await fetch(`${cloud.url}/no-such-bucket-here/key`);
      expect(res.status).toBe(404);
      const body = await res.text();
      expect(body).toContain('<Code>NoSuchBucket</Code>');
      expect(body).toContain('<Message>The specified bucket does not exist</Message>');
      expect(body).toContain('<BucketName>no-such-bucket-here</BucketName>');
      expect(body).toMatch(/<RequestId>[^<]+<\/RequestId>/);
    });
  });

  describe('objects', () => {
    beforeAll(async () => {
      await s3.send(new CreateBucketCommand({ Bucket: 'objects' }));
    });

    it('stores an object with its headers and metadata, ETag = quoted MD5', async () => {
      const put = await s3.send(
        new PutObjectCommand({
          Bucket: 'objects',
          Key: 'docs/hello world.txt',
          Body: 'hello',
          ContentType: 'text/plain; charset=utf-8',
          CacheControl: 'max-age=60',
          Metadata: { Author: 'Alice' },
        }),
      );
      expect(put.ETag).toBe('"5d41402abc4b2a76b9719d911017c592"');
      const got = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'docs/hello world.txt' }));
      expect(await got.Body?.transformToString()).toBe('hello');
      expect(got.ContentType).toBe('text/plain; charset=utf-8');
      expect(got.CacheControl).toBe('max-age=60');
      expect(got.Metadata).toEqual({ author: 'Alice' });
      expect(got.ETag).toBe(put.ETag);
      expect(got.ContentLength).toBe(5);
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'docs/hello world.txt' }));
      expect(head.ContentLength).toBe(5);
      expect(head.LastModified).toBeInstanceOf(Date);
    });

    it('decodes aws-chunked streaming uploads with trailing checksums', async () => {
      const chunks = [Buffer.alloc(70_000, 'a'), Buffer.from('tail')];
      await s3.send(new PutObjectCommand({ Bucket: 'objects', Key: 'streamed', Body: Readable.from(chunks), ContentLength: 70_004 }));
      const got = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'streamed' }));
      const body = Buffer.from(await got.Body!.transformToByteArray());
      expect(body.equals(Buffer.concat(chunks))).toBe(true);
      expect(got.ChecksumCRC32).toBeDefined();
    });

    it('decodes signed aws-chunked payloads, verifying each chunk signature', async () => {
      const chunks = [Buffer.from('hello '), Buffer.from('chunked '), Buffer.from('world')];
      const res = await streamingSignedPut(`${cloud.url}/objects/chunk-signed`, chunks);
      expect(res.status).toBe(200);
      const got = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'chunk-signed' }));
      expect(await got.Body?.transformToString()).toBe('hello chunked world');
      expect(got.ContentEncoding).toBeUndefined();

      const tampered = await streamingSignedPut(`${cloud.url}/objects/chunk-tampered`, chunks, { tamper: true });
      expect(tampered.status).toBe(403);
      const body = await tampered.text();
      expect(body).toContain('<Code>SignatureDoesNotMatch</Code>');
      expect(body).toContain('<StringToSign>AWS4-HMAC-SHA256-PAYLOAD\n');
      expect((await fetch(`${cloud.url}/_emulator/health`)).status).toBe(200);
      const missing = await failure(s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'chunk-tampered' })));
      expect(missing.name).toBe('NoSuchKey');
    });

    it('rejects a body whose checksum does not match', async () => {
      const err = await failure(s3.send(new PutObjectCommand({ Bucket: 'objects', Key: 'bad', Body: 'data', ChecksumCRC32: 'AAAAAA==' })));
      expect(err.name).toBe('BadDigest');
      expect(err.message).toBe('The CRC32 you specified did not match the calculated checksum.');
    });

    it('serves byte ranges and refuses unsatisfiable ones', async () => {
      await s3.send(new PutObjectCommand({ Bucket: 'objects', Key: 'digits', Body: '0123456789' }));
      const part = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'digits', Range: 'bytes=2-4' }));
      expect(part.$metadata.httpStatusCode).toBe(206);
      expect(part.ContentRange).toBe('bytes 2-4/10');
      expect(await part.Body?.transformToString()).toBe('234');
      const suffix = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'digits', Range: 'bytes=-3' }));
      expect(await suffix.Body?.transformToString()).toBe('789');
      const err = await failure(s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'digits', Range: 'bytes=20-30' })));
      expect(err.name).toBe('InvalidRange');
      expect(err.$metadata.httpStatusCode).toBe(416);
    });

    it('honours conditional GETs (304 and 412)', async () => {
      const { ETag } = await s3.send(new PutObjectCommand({ Bucket: 'objects', Key: 'cond', Body: 'v1' }));
      const notModified = await failure(s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'cond', IfNoneMatch: ETag })));
      expect(notModified.$metadata.httpStatusCode).toBe(304);
      const failed = await failure(s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'cond', IfMatch: '"nope"' })));
      expect(failed.name).toBe('PreconditionFailed');
      expect(failed.$metadata.httpStatusCode).toBe(412);
      const future = new Date(Date.now() + 60_000);
      const stillFresh = await failure(s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'cond', IfModifiedSince: future })));
      expect(stillFresh.$metadata.httpStatusCode).toBe(304);
      const ok = await s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'cond', IfMatch: ETag }));
      expect(await ok.Body?.transformToString()).toBe('v1');
    });

    it('answers NoSuchKey with the key, and a bare 404 to HEAD', async () => {
      const err = await failure(s3.send(new GetObjectCommand({ Bucket: 'objects', Key: 'missing/key' })));
      expect(err.name).toBe('NoSuchKey');
      expect(err.message).toBe('The specified key does not exist.');
      expect((err as unknown as { Key: string }).Key).toBe('missing/key');
      const head = await failure(s3.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'missing/key' })));
      expect(head.name).toBe('NotFound');
    });

    it('deletes one object or many', async () => {
      for (const key of ['del/a', 'del/b', 'del/c']) await s3.send(new PutObjectCommand({ Bucket: 'objects', Key: key, Body: key }));
      const one = await s3.send(new DeleteObjectCommand({ Bucket: 'objects', Key: 'del/a' }));
      expect(one.$metadata.httpStatusCode).toBe(204);
      const many = await s3.send(
        new DeleteObjectsCommand({ Bucket: 'objects', Delete: { Objects: [{ Key: 'del/b' }, { Key: 'del/c' }, { Key: 'del/none' }] } }),
      );
      expect(many.Deleted?.map((d) => d.Key)).toEqual(['del/b', 'del/c', 'del/none']);
      const left = await s3.send(new ListObjectsV2Command({ Bucket: 'objects', Prefix: 'del/' }));
      expect(left.KeyCount).toBe(0);
    });

    it('copies objects, keeping or replacing their metadata', async () => {
      await s3.send(
        new PutObjectCommand({ Bucket: 'objects', Key: 'src', Body: 'source', ContentType: 'text/x-src', Metadata: { a: '1' } }),
      );
      await s3.send(new CopyObjectCommand({ Bucket: 'objects', Key: 'copy-kept', CopySource: 'objects/src' }));
      const kept = await s3.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'copy-kept' }));
      expect(kept.ContentType).toBe('text/x-src');
      expect(kept.Metadata).toEqual({ a: '1' });
      const replaced = await s3.send(
        new CopyObjectCommand({
          Bucket: 'objects',
          Key: 'copy-replaced',
          CopySource: '/objects/src',
          MetadataDirective: 'REPLACE',
          ContentType: 'text/plain',
          Metadata: { b: '2' },
        }),
      );
      expect(replaced.CopyObjectResult?.ETag).toBe(kept.ETag);
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'copy-replaced' }));
      expect(head.Metadata).toEqual({ b: '2' });
      const self = await failure(s3.send(new CopyObjectCommand({ Bucket: 'objects', Key: 'src', CopySource: 'objects/src' })));
      expect(self.name).toBe('InvalidRequest');
      const missing = await failure(s3.send(new CopyObjectCommand({ Bucket: 'objects', Key: 'x', CopySource: 'objects/nothing' })));
      expect(missing.name).toBe('NoSuchKey');
    });
  });

  describe('multipart uploads', () => {
    beforeAll(async () => {
      await s3.send(new CreateBucketCommand({ Bucket: 'multipart' }));
    });

    it('uploads parts, lists them, and completes into one object with an "-N" ETag', async () => {
      const { UploadId } = await s3.send(
        new CreateMultipartUploadCommand({ Bucket: 'multipart', Key: 'big.bin', ContentType: 'application/x-big', Metadata: { m: '1' } }),
      );
      expect(UploadId).toBeTruthy();
      const first = Buffer.alloc(5 * 1024 * 1024, 1);
      const second = Buffer.from('the end');
      const p1 = await s3.send(new UploadPartCommand({ Bucket: 'multipart', Key: 'big.bin', UploadId, PartNumber: 1, Body: first }));
      const p2 = await s3.send(new UploadPartCommand({ Bucket: 'multipart', Key: 'big.bin', UploadId, PartNumber: 2, Body: second }));
      const parts = await s3.send(new ListPartsCommand({ Bucket: 'multipart', Key: 'big.bin', UploadId }));
      expect(parts.Parts?.map((p) => [p.PartNumber, p.Size, p.ETag])).toEqual([
        [1, first.length, p1.ETag],
        [2, second.length, p2.ETag],
      ]);
      const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: 'multipart' }));
      expect(uploads.Uploads?.map((u) => [u.Key, u.UploadId])).toEqual([['big.bin', UploadId]]);
      const reversed = await failure(
        s3.send(
          new CompleteMultipartUploadCommand({
            Bucket: 'multipart',
            Key: 'big.bin',
            UploadId,
            MultipartUpload: {
              Parts: [
                { PartNumber: 2, ETag: p2.ETag },
                { PartNumber: 1, ETag: p1.ETag },
              ],
            },
          }),
        ),
      );
      expect(reversed.name).toBe('InvalidPartOrder');
      const wrongTag = await failure(
        s3.send(
          new CompleteMultipartUploadCommand({
            Bucket: 'multipart',
            Key: 'big.bin',
            UploadId,
            MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"0"' }] },
          }),
        ),
      );
      expect(wrongTag.name).toBe('InvalidPart');
      const done = await s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: 'multipart',
          Key: 'big.bin',
          UploadId,
          MultipartUpload: {
            Parts: [
              { PartNumber: 1, ETag: p1.ETag },
              { PartNumber: 2, ETag: p2.ETag },
            ],
          },
        }),
      );
      expect(done.ETag).toMatch(/^"[0-9a-f]{32}-2"$/);
      const got = await s3.send(new GetObjectCommand({ Bucket: 'multipart', Key: 'big.bin', Range: `bytes=${first.length}-` }));
      expect(await got.Body?.transformToString()).toBe('the end');
      expect(got.ContentType).toBe('application/x-big');
      expect(got.Metadata).toEqual({ m: '1' });
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'multipart', Key: 'big.bin' }));
      expect(head.ContentLength).toBe(first.length + second.length);
      expect(head.ETag).toBe(done.ETag);
      const gone = await failure(s3.send(new ListPartsCommand({ Bucket: 'multipart', Key: 'big.bin', UploadId })));
      expect(gone.name).toBe('NoSuchUpload');
    });

    it('refuses small middle parts and forgets aborted uploads', async () => {
      const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'multipart', Key: 'small' }));
      const a = await s3.send(new UploadPartCommand({ Bucket: 'multipart', Key: 'small', UploadId, PartNumber: 1, Body: 'a' }));
      const b = await s3.send(new UploadPartCommand({ Bucket: 'multipart', Key: 'small', UploadId, PartNumber: 2, Body: 'b' }));
      const small = await failure(
        s3.send(
          new CompleteMultipartUploadCommand({
            Bucket: 'multipart',
            Key: 'small',
            UploadId,
            MultipartUpload: {
              Parts: [
                { PartNumber: 1, ETag: a.ETag },
                { PartNumber: 2, ETag: b.ETag },
              ],
            },
          }),
        ),
      );
      expect(small.name).toBe('EntityTooSmall');
      const badNumber = await failure(
        s3.send(new UploadPartCommand({ Bucket: 'multipart', Key: 'small', UploadId, PartNumber: 10001, Body: 'x' })),
      );
      expect(badNumber.name).toBe('InvalidArgument');
      await s3.send(new AbortMultipartUploadCommand({ Bucket: 'multipart', Key: 'small', UploadId }));
      const aborted = await failure(
        s3.send(new UploadPartCommand({ Bucket: 'multipart', Key: 'small', UploadId, PartNumber: 3, Body: 'c' })),
      );
      expect(aborted.name).toBe('NoSuchUpload');
      expect(aborted.message).toBe(
        'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      );
    });
  });

  describe('listing', () => {
    const keys = ['a.txt', 'dir/one.txt', 'dir/sub/two.txt', 'dir/three.txt', 'other/four.txt', 'z.txt'];
    beforeAll(async () => {
      await s3.send(new CreateBucketCommand({ Bucket: 'listing' }));
      for (const key of keys) await s3.send(new PutObjectCommand({ Bucket: 'listing', Key: key, Body: key }));
    });

    it('lists keys in order with prefixes and delimiters', async () => {
      const all = await s3.send(new ListObjectsV2Command({ Bucket: 'listing' }));
      expect(all.Contents?.map((c) => c.Key)).toEqual([...keys].sort());
      expect(all.KeyCount).toBe(6);
      expect(all.Contents?.[0]).toMatchObject({ Size: 5, StorageClass: 'STANDARD' });
      const top = await s3.send(new ListObjectsV2Command({ Bucket: 'listing', Delimiter: '/' }));
      expect(top.Contents?.map((c) => c.Key)).toEqual(['a.txt', 'z.txt']);
      expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['dir/', 'other/']);
      const dir = await s3.send(new ListObjectsV2Command({ Bucket: 'listing', Prefix: 'dir/', Delimiter: '/' }));
      expect(dir.Contents?.map((c) => c.Key)).toEqual(['dir/one.txt', 'dir/three.txt']);
      expect(dir.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['dir/sub/']);
      const after = await s3.send(new ListObjectsV2Command({ Bucket: 'listing', StartAfter: 'dir/three.txt' }));
      expect(after.Contents?.map((c) => c.Key)).toEqual(['other/four.txt', 'z.txt']);
    });

    it('pages with max-keys and continuation tokens, counting common prefixes', async () => {
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: 'listing', Delimiter: '/', MaxKeys: 1, ContinuationToken: token }));
        seen.push(...(page.Contents ?? []).map((c) => c.Key!), ...(page.CommonPrefixes ?? []).map((p) => p.Prefix!));
        expect(page.KeyCount).toBe(1);
        token = page.NextContinuationToken;
        expect(page.IsTruncated).toBe(token !== undefined);
        pages++;
      } while (token);
      expect(pages).toBe(4);
      expect(seen).toEqual(['a.txt', 'dir/', 'other/', 'z.txt']);
      const bad = await failure(s3.send(new ListObjectsV2Command({ Bucket: 'listing', ContinuationToken: 'garbage' })));
      expect(bad.name).toBe('InvalidArgument');
    });

    it('supports the original ListObjects with markers', async () => {
      const page = await s3.send(new ListObjectsCommand({ Bucket: 'listing', MaxKeys: 2, Delimiter: '/' }));
      expect(page.IsTruncated).toBe(true);
      expect(page.NextMarker).toBe('dir/');
      const next = await s3.send(new ListObjectsCommand({ Bucket: 'listing', Marker: page.NextMarker, Delimiter: '/' }));
      expect([...(next.CommonPrefixes ?? []).map((p) => p.Prefix), ...(next.Contents ?? []).map((c) => c.Key)]).toEqual([
        'other/',
        'z.txt',
      ]);
    });
  });

  describe('bucket configuration', () => {
    beforeAll(async () => {
      await s3.send(new CreateBucketCommand({ Bucket: 'config' }));
    });

    it('stores website configuration', async () => {
      const missing = await failure(s3.send(new GetBucketWebsiteCommand({ Bucket: 'config' })));
      expect(missing.name).toBe('NoSuchWebsiteConfiguration');
      await s3.send(
        new PutBucketWebsiteCommand({
          Bucket: 'config',
          WebsiteConfiguration: {
            IndexDocument: { Suffix: 'index.html' },
            ErrorDocument: { Key: 'error.html' },
            RoutingRules: [{ Condition: { KeyPrefixEquals: 'old/' }, Redirect: { ReplaceKeyPrefixWith: 'new/' } }],
          },
        }),
      );
      const site = await s3.send(new GetBucketWebsiteCommand({ Bucket: 'config' }));
      expect(site.IndexDocument?.Suffix).toBe('index.html');
      expect(site.ErrorDocument?.Key).toBe('error.html');
      expect(site.RoutingRules).toEqual([{ Condition: { KeyPrefixEquals: 'old/' }, Redirect: { ReplaceKeyPrefixWith: 'new/' } }]);
      const bad = await failure(
        s3.send(new PutBucketWebsiteCommand({ Bucket: 'config', WebsiteConfiguration: { IndexDocument: { Suffix: 'a/b' } } })),
      );
      expect(bad.name).toBe('InvalidArgument');
    });

    it('blocks public access on new buckets, as AWS does since 2023', async () => {
      const block = await s3.send(new GetPublicAccessBlockCommand({ Bucket: 'config' }));
      expect(block.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      });
      const refused = await failure(s3.send(new PutBucketPolicyCommand({ Bucket: 'config', Policy: publicReadPolicy('config') })));
      expect(refused.name).toBe('AccessDenied');
      expect(refused.message).toContain('because public policies are blocked by the BlockPublicPolicy block public access setting');
      await s3.send(new DeletePublicAccessBlockCommand({ Bucket: 'config' }));
      const none = await failure(s3.send(new GetPublicAccessBlockCommand({ Bucket: 'config' })));
      expect(none.name).toBe('NoSuchPublicAccessBlockConfiguration');
      await s3.send(new PutBucketPolicyCommand({ Bucket: 'config', Policy: publicReadPolicy('config') }));
      const policy = await s3.send(new GetBucketPolicyCommand({ Bucket: 'config' }));
      expect(JSON.parse(policy.Policy!)).toEqual(JSON.parse(publicReadPolicy('config')));
      const status = await s3.send(new GetBucketPolicyStatusCommand({ Bucket: 'config' }));
      expect(status.PolicyStatus?.IsPublic).toBe(true);
      await s3.send(new PutPublicAccessBlockCommand({ Bucket: 'config', PublicAccessBlockConfiguration: { BlockPublicPolicy: true } }));
      const partial = await s3.send(new GetPublicAccessBlockCommand({ Bucket: 'config' }));
      expect(partial.PublicAccessBlockConfiguration).toMatchObject({ BlockPublicPolicy: true, RestrictPublicBuckets: false });
      await s3.send(new DeleteBucketPolicyCommand({ Bucket: 'config' }));
      const noPolicy = await failure(s3.send(new GetBucketPolicyCommand({ Bucket: 'config' })));
      expect(noPolicy.name).toBe('NoSuchBucketPolicy');
    });

    it('rejects malformed policies with AWS messages', async () => {
      const cases: Array<[string, string]> = [
        ['not json', "Policies must be valid JSON and the first byte must be '{'"],
        ['{"Version": "2012-10-17"', 'This policy contains invalid Json'],
        ['{"Version":"2012-10-17"}', 'Missing required field Statement'],
        [
          JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::config/*' }] }),
          'Missing required field Principal',
        ],
        [
          JSON.stringify({
            Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::another-bucket/*' }],
          }),
          'Policy has invalid resource',
        ],
        [
          JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::config' }] }),
          'Action does not apply to any resource(s) in statement',
        ],
      ];
      for (const [policy, message] of cases) {
        const err = await failure(s3.send(new PutBucketPolicyCommand({ Bucket: 'config', Policy: policy })));
        expect(err.name, policy).toBe('MalformedPolicy');
        expect(err.message, policy).toBe(message);
      }
    });

    it('stores bucket tags', async () => {
      const none = await failure(s3.send(new GetBucketTaggingCommand({ Bucket: 'config' })));
      expect(none.name).toBe('NoSuchTagSet');
      await s3.send(new PutBucketTaggingCommand({ Bucket: 'config', Tagging: { TagSet: [{ Key: 'app', Value: 'chat' }] } }));
      const tags = await s3.send(new GetBucketTaggingCommand({ Bucket: 'config' }));
      expect(tags.TagSet).toEqual([{ Key: 'app', Value: 'chat' }]);
      const dup = await failure(
        s3.send(
          new PutBucketTaggingCommand({
            Bucket: 'config',
            Tagging: {
              TagSet: [
                { Key: 'a', Value: '1' },
                { Key: 'a', Value: '2' },
              ],
            },
          }),
        ),
      );
      expect(dup.name).toBe('InvalidTag');
    });

    it('names the operations it does not implement', async () => {
      const err = await failure(
        s3.send(new PutBucketVersioningCommand({ Bucket: 'config', VersioningConfiguration: { Status: 'Enabled' } })),
      );
      expect(err.name).toBe('NotImplemented');
      expect(err.message).toContain('PutBucketVersioning');
      expect(err.$metadata.httpStatusCode).toBe(501);
    });

    it('applies CORS rules to preflights and actual requests', async () => {
      const none = await failure(s3.send(new GetBucketCorsCommand({ Bucket: 'config' })));
      expect(none.name).toBe('NoSuchCORSConfiguration');
      const preflight = (origin: string) =>
        fetch(`${cloud.url}/config/file.txt`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
        });
      const disabled = await preflight('http://localhost:5173');
      expect(disabled.status).toBe(403);
      expect(await disabled.text()).toContain('CORSResponse: CORS is not enabled for this bucket.');
      const badMethod = await failure(
        s3.send(
          new PutBucketCorsCommand({
            Bucket: 'config',
            CORSConfiguration: { CORSRules: [{ AllowedMethods: ['PATCH'], AllowedOrigins: ['*'] }] },
          }),
        ),
      );
      expect(badMethod.message).toBe('Found unsupported HTTP method in CORS config. Unsupported method is PATCH');
      const rules = [
        {
          AllowedMethods: ['GET', 'PUT'],
          AllowedOrigins: ['http://localhost:*'],
          AllowedHeaders: ['*'],
          ExposeHeaders: ['ETag'],
          MaxAgeSeconds: 600,
        },
      ];
      await s3.send(new PutBucketCorsCommand({ Bucket: 'config', CORSConfiguration: { CORSRules: rules } }));
      expect((await s3.send(new GetBucketCorsCommand({ Bucket: 'config' }))).CORSRules).toEqual(rules);
      const allowed = await preflight('http://localhost:5173');
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(allowed.headers.get('access-control-allow-methods')).toBe('GET, PUT');
      expect(allowed.headers.get('access-control-allow-headers')).toBe('content-type');
      expect(allowed.headers.get('access-control-max-age')).toBe('600');
      expect((await preflight('http://evil.example')).status).toBe(403);
      const actual = await fetch(`${cloud.url}/config?list-type=2`, { headers: { origin: 'http://localhost:5173' } });
      expect(actual.status).toBe(403);
      expect(actual.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(actual.headers.get('access-control-expose-headers')).toBe('ETag');
      await s3.send(new DeleteBucketCorsCommand({ Bucket: 'config' }));
      expect((await preflight('http://localhost:5173')).status).toBe(403);
    });
  });

  describe('anonymous access', () => {
    beforeAll(async () => {
      await s3.send(new CreateBucketCommand({ Bucket: 'public-site' }));
      await s3.send(new PutObjectCommand({ Bucket: 'public-site', Key: 'index.html', Body: '<h1>hi</h1>', ContentType: 'text/html' }));
      await s3.send(new CreateBucketCommand({ Bucket: 'private-stuff' }));
      await s3.send(new PutObjectCommand({ Bucket: 'private-stuff', Key: 'secret.txt', Body: 'secret' }));
    });

    it('denies unsigned requests without a policy that allows them', async () => {
      const res = await fetch(`${cloud.url}/private-stuff/secret.txt`);
      expect(res.status).toBe(403);
      const body = await res.text();
      expect(body).toContain('<Code>AccessDenied</Code>');
      expect(body).toContain('<Message>Access Denied</Message>');
      expect((await fetch(`${cloud.url}/private-stuff?list-type=2`)).status).toBe(403);
      expect((await fetch(`${cloud.url}/`)).status).toBe(403);
    });

    it('allows what a public bucket policy grants, and nothing more', async () => {
      expect((await fetch(`${cloud.url}/public-site/index.html`)).status).toBe(403);
      await s3.send(
        new PutPublicAccessBlockCommand({
          Bucket: 'public-site',
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
            BlockPublicPolicy: false,
            RestrictPublicBuckets: false,
          },
        }),
      );
      await s3.send(new PutBucketPolicyCommand({ Bucket: 'public-site', Policy: publicReadPolicy('public-site') }));
      const res = await fetch(`${cloud.url}/public-site/index.html`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html');
      expect(await res.text()).toBe('<h1>hi</h1>');
      // A missing key is AccessDenied to callers that may not list the bucket.
      expect((await fetch(`${cloud.url}/public-site/missing.html`)).status).toBe(403);
      const put = await fetch(`${cloud.url}/public-site/evil.html`, { method: 'PUT', body: 'x' });
      expect(put.status).toBe(403);
      expect((await fetch(`${cloud.url}/public-site?list-type=2`)).status).toBe(403);
    });

    it('refuses canned ACLs such as public-read, as BucketOwnerEnforced buckets do', async () => {
      const put = await failure(s3.send(new PutObjectCommand({ Bucket: 'public-site', Key: 'acl.txt', Body: 'x', ACL: 'public-read' })));
      expect([put.name, put.message, put.$metadata.httpStatusCode]).toEqual([
        'AccessControlListNotSupported',
        'The bucket does not allow ACLs',
        400,
      ]);
      expect((await fetch(`${cloud.url}/public-site/acl.txt`)).status).toBe(403);
    });

    it('reaches a bucket by virtual host (bucket.s3.localhost)', async () => {
      const res = await hostRequest(cloud.port, `public-site.s3.localhost:${cloud.port}`, '/index.html');
      expect(res.status).toBe(200);
      expect(res.body).toBe('<h1>hi</h1>');
    });

    it('lets an explicit Deny win and RestrictPublicBuckets shut out the public', async () => {
      await s3.send(
        new PutPublicAccessBlockCommand({ Bucket: 'public-site', PublicAccessBlockConfiguration: { RestrictPublicBuckets: true } }),
      );
      expect((await fetch(`${cloud.url}/public-site/index.html`)).status).toBe(403);
      await s3.send(new DeletePublicAccessBlockCommand({ Bucket: 'public-site' }));
      const policy = JSON.parse(publicReadPolicy('public-site'));
      policy.Statement.push({ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::public-site/index.html' });
      await s3.send(new PutBucketPolicyCommand({ Bucket: 'public-site', Policy: JSON.stringify(policy) }));
      expect((await fetch(`${cloud.url}/public-site/index.html`)).status).toBe(403);
      // The Deny covers the owner too.
      const denied = await failure(s3.send(new GetObjectCommand({ Bucket: 'public-site', Key: 'index.html' })));
      expect(denied.name).toBe('AccessDenied');
      await s3.send(new PutBucketPolicyCommand({ Bucket: 'public-site', Policy: publicReadPolicy('public-site') }));
      expect((await fetch(`${cloud.url}/public-site/index.html`)).status).toBe(200);
    });
  });

  it('forgets every bucket on /_emulator/reset, freeing their names', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'before-reset' }));
    expect((await fetch(`${cloud.url}/_emulator/reset`, { method: 'POST' })).status).toBe(200);
    expect((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).toEqual([]);
    const other = new S3Client({ ...cloud.clientConfig, credentials: { accessKeyId: '333333333333', secretAccessKey: 'x' } });
    await expect(other.send(new CreateBucketCommand({ Bucket: 'before-reset' }))).resolves.toBeDefined();
  });

  it('keeps buckets, objects and policies across a restart on the same state directory', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 's3-restart-'));
    try {
      const first = await startLocalCloud({ port: 0, host: '127.0.0.1', stateDir });
      const client1 = new S3Client({ ...cloud.clientConfig, endpoint: first.url });
      await client1.send(new CreateBucketCommand({ Bucket: 'durable' }));
      await client1.send(new PutObjectCommand({ Bucket: 'durable', Key: 'nested/key.txt', Body: 'kept', Metadata: { k: 'v' } }));
      await client1.send(
        new PutBucketWebsiteCommand({ Bucket: 'durable', WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } }),
      );
      await first.close();
      const again = await startLocalCloud({ port: 0, host: '127.0.0.1', stateDir });
      try {
        const client = new S3Client({ ...cloud.clientConfig, endpoint: again.url });
        const got = await client.send(new GetObjectCommand({ Bucket: 'durable', Key: 'nested/key.txt' }));
        expect(await got.Body?.transformToString()).toBe('kept');
        expect(got.Metadata).toEqual({ k: 'v' });
        const site = await client.send(new GetBucketWebsiteCommand({ Bucket: 'durable' }));
        expect(site.IndexDocument?.Suffix).toBe('index.html');
        const other = new S3Client({
          ...cloud.clientConfig,
          endpoint: again.url,
          credentials: { accessKeyId: '222222222222', secretAccessKey: 'x' },
        });
        const taken = await failure(other.send(new CreateBucketCommand({ Bucket: 'durable' })));
        expect(taken.name).toBe('BucketAlreadyExists');
      } finally {
        await again.close();
      }
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
