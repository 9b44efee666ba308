import {
  CreateBucketCommand,
  DeletePublicAccessBlockCommand,
  PutBucketCorsCommand,
  PutBucketPolicyCommand,
  PutBucketWebsiteCommand,
  PutObjectCommand,
  S3Client,
  type WebsiteConfiguration,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { hostRequest } from './host-request.js';

/** The website endpoint, reached as browsers do: by Host header (Node connects to 127.0.0.1 and names the host). */
describe('S3 website endpoint', () => {
  let cloud: TestCloud;
  let s3: S3Client;
  const site = (bucket: string, path: string, options: Parameters<typeof hostRequest>[3] = {}) =>
    hostRequest(cloud.port, `${bucket}.s3-website.localhost:${cloud.port}`, path, options);

  async function website(
    bucket: string,
    config: WebsiteConfiguration | undefined,
    actions: string[] | undefined,
    files: Record<string, string>,
  ) {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    if (config) await s3.send(new PutBucketWebsiteCommand({ Bucket: bucket, WebsiteConfiguration: config }));
    if (actions) {
      await s3.send(new DeletePublicAccessBlockCommand({ Bucket: bucket }));
      const statements = actions.map((action) => ({
        Effect: 'Allow',
        Principal: '*',
        Action: action,
        Resource: action === 's3:ListBucket' ? `arn:aws:s3:::${bucket}` : `arn:aws:s3:::${bucket}/*`,
      }));
      await s3.send(
        new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }),
      );
    }
    for (const [key, body] of Object.entries(files)) {
      const type = key.endsWith('.css') ? 'text/css' : 'text/html';
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: type }));
    }
  }

  beforeAll(async () => {
    cloud = await startTestCloud();
    s3 = new S3Client(cloud.clientConfig);
    await website('chat-site', { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } }, ['s3:GetObject'], {
      'index.html': '<h1>home</h1>',
      'docs/index.html': '<h1>docs</h1>',
      'style.css': 'body{}',
      'error.html': '<h1>oops</h1>',
    });
    await website('listable-site', { IndexDocument: { Suffix: 'index.html' } }, ['s3:GetObject', 's3:ListBucket'], {
      'index.html': 'home',
    });
    await website('private-site', { IndexDocument: { Suffix: 'index.html' } }, undefined, { 'index.html': 'secret' });
    await website('plain-bucket', undefined, ['s3:GetObject'], { 'index.html': 'x' });
    await website(
      'moved-site',
      {
        IndexDocument: { Suffix: 'index.html' },
        RoutingRules: [
          { Condition: { KeyPrefixEquals: 'old/' }, Redirect: { ReplaceKeyPrefixWith: 'new/' } },
          { Condition: { HttpErrorCodeReturnedEquals: '404' }, Redirect: { HostName: 'example.com', ReplaceKeyWith: 'not-found.html' } },
        ],
      },
      ['s3:GetObject', 's3:ListBucket'],
      { 'index.html': 'home' },
    );
    await website('redirect-all', { RedirectAllRequestsTo: { HostName: 'example.org', Protocol: 'https' } }, undefined, {});
  });
  afterAll(async () => cloud.close());

  it('serves the index document at / and in folders, with the object content type', async () => {
    const home = await site('chat-site', '/');
    expect(home.status).toBe(200);
    expect(home.body).toBe('<h1>home</h1>');
    expect(home.headers['content-type']).toBe('text/html');
    expect(home.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    const docs = await site('chat-site', '/docs/');
    expect(docs.body).toBe('<h1>docs</h1>');
    const css = await site('chat-site', '/style.css');
    expect(css.headers['content-type']).toBe('text/css');
    const head = await site('chat-site', '/style.css', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe('6');
  });

  it('redirects a folder without its trailing slash', async () => {
    const res = await site('chat-site', '/docs');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/docs/');
  });

  it('answers conditional and range requests', async () => {
    const first = await site('chat-site', '/style.css');
    const again = await site('chat-site', '/style.css', { headers: { 'if-none-match': first.headers.etag! } });
    expect(again.status).toBe(304);
    const part = await site('chat-site', '/style.css', { headers: { range: 'bytes=0-3' } });
    expect(part.status).toBe(206);
    expect(part.body).toBe('body');
  });

  it('serves the error document for a missing key: 403 without public ListBucket, as on AWS', async () => {
    const res = await site('chat-site', '/nowhere.html');
    expect(res.status).toBe(403);
    expect(res.body).toBe('<h1>oops</h1>');
    expect(res.headers['content-type']).toBe('text/html');
  });

  it("answers AWS's HTML 404 NoSuchKey page when the public may list the bucket and there is no error document", async () => {
    const res = await site('listable-site', '/nowhere.html');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['x-amz-error-code']).toBe('NoSuchKey');
    expect(res.body).toContain('<head><title>404 Not Found</title></head>');
    expect(res.body).toContain('<li>Code: NoSuchKey</li>');
    expect(res.body).toContain('<li>Message: The specified key does not exist.</li>');
    expect(res.body).toContain('<li>Key: nowhere.html</li>');
  });

  it('answers 403 AccessDenied when objects are not public', async () => {
    const res = await site('private-site', '/');
    expect(res.status).toBe(403);
    expect(res.body).toContain('<h1>403 Forbidden</h1>');
    expect(res.body).toContain('<li>Code: AccessDenied</li>');
    expect(res.body).toContain('<li>Message: Access Denied</li>');
  });

  it('answers 404 NoSuchWebsiteConfiguration and NoSuchBucket pages', async () => {
    const plain = await site('plain-bucket', '/');
    expect(plain.status).toBe(404);
    expect(plain.body).toContain('<li>Code: NoSuchWebsiteConfiguration</li>');
    expect(plain.body).toContain('<li>Message: The specified bucket does not have a website configuration</li>');
    expect(plain.body).toContain('<li>BucketName: plain-bucket</li>');
    const missing = await site('no-such-site', '/');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('<li>Code: NoSuchBucket</li>');
  });

  it('follows routing rules and RedirectAllRequestsTo', async () => {
    const moved = await site('moved-site', '/old/page.html');
    expect(moved.status).toBe(301);
    expect(moved.headers.location).toBe(`http://moved-site.s3-website.localhost:${cloud.port}/new/page.html`);
    const notFound = await site('moved-site', '/gone.html');
    expect(notFound.status).toBe(301);
    expect(notFound.headers.location).toBe('http://example.com/not-found.html');
    const all = await site('redirect-all', '/a/b?c=d');
    expect(all.status).toBe(301);
    expect(all.headers.location).toBe('https://example.org/a/b?c=d');
  });

  it("answers browsers' CORS preflights and requests from the bucket's CORS rules", async () => {
    const origin = 'http://localhost:5173';
    expect(
      (await site('chat-site', '/index.html', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } })).status,
    ).toBe(403);
    await s3.send(
      new PutBucketCorsCommand({
        Bucket: 'chat-site',
        CORSConfiguration: { CORSRules: [{ AllowedMethods: ['GET'], AllowedOrigins: ['*'] }] },
      }),
    );
    const preflight = await site('chat-site', '/index.html', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    const page = await site('chat-site', '/index.html', { headers: { origin } });
    expect(page.headers['access-control-allow-origin']).toBe('*');
  });

  it('refuses other methods', async () => {
    const res = await site('chat-site', '/index.html', { method: 'PUT', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.body).toContain('<li>Code: MethodNotAllowed</li>');
  });
});
