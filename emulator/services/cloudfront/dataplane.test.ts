import {
  CloudFrontClient,
  CreateDistributionCommand,
  CreateInvalidationCommand,
  type DistributionConfig,
  GetDistributionConfigCommand,
  UpdateDistributionCommand,
} from '@aws-sdk/client-cloudfront';
import {
  CreateBucketCommand,
  DeletePublicAccessBlockCommand,
  PutBucketPolicyCommand,
  PutBucketWebsiteCommand,
  PutObjectCommand,
  type PutObjectCommandInput,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { hostRequest } from '../s3/host-request.js';
import { websiteDistribution } from './test-support.js';

const SITE = 'cdn-site';
const WEBSITE_ORIGIN = `${SITE}.s3-website-us-east-1.amazonaws.com`;

/** The data plane, reached as browsers do: `{id}.cloudfront.localhost:PORT`, here by Host header to 127.0.0.1. */
describe('CloudFront data plane', () => {
  let cloud: TestCloud;
  let cf: CloudFrontClient;
  let s3: S3Client;
  const get = (id: string, path: string, method = 'GET', headers: Record<string, string> = {}) =>
    hostRequest(cloud.port, `${id.toLowerCase()}.cloudfront.localhost:${cloud.port}`, path, { method, headers });
  const put = (Key: string, Body: string, extra: Partial<PutObjectCommandInput> = {}) =>
    s3.send(
      new PutObjectCommand({ Bucket: SITE, Key, Body, ContentType: Key.endsWith('.js') ? 'text/javascript' : 'text/html', ...extra }),
    );
  const invalidate = (id: string, paths: string[]) =>
    cf.send(
      new CreateInvalidationCommand({
        DistributionId: id,
        InvalidationBatch: { CallerReference: `${Date.now()}-${Math.random()}`, Paths: { Quantity: paths.length, Items: paths } },
      }),
    );
  async function distribution(config: DistributionConfig): Promise<string> {
    return (await cf.send(new CreateDistributionCommand({ DistributionConfig: config }))).Distribution!.Id!;
  }
  const spa: Partial<DistributionConfig> = {
    CustomErrorResponses: {
      Quantity: 2,
      Items: [
        { ErrorCode: 403, ResponsePagePath: '/index.html', ResponseCode: '200', ErrorCachingMinTTL: 0 },
        { ErrorCode: 404, ResponsePagePath: '/index.html', ResponseCode: '200', ErrorCachingMinTTL: 0 },
      ],
    },
  };

  beforeAll(async () => {
    cloud = await startTestCloud();
    cf = new CloudFrontClient(cloud.clientConfig);
    s3 = new S3Client(cloud.clientConfig);
    await s3.send(new CreateBucketCommand({ Bucket: SITE }));
    await s3.send(new PutBucketWebsiteCommand({ Bucket: SITE, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } }));
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: SITE }));
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: SITE,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${SITE}/*` }],
        }),
      }),
    );
    await put('index.html', '<h1>chat v1</h1>');
    await put('app.js', 'console.log(1)');
  });
  afterAll(async () => cloud.close());

  it('serves the default root object, a miss first and then a hit with its age', async () => {
    const id = await distribution(websiteDistribution(WEBSITE_ORIGIN));
    const first = await get(id, '/');
    expect(first.status).toBe(200);
    expect(first.body).toBe('<h1>chat v1</h1>');
    expect(first.headers).toMatchObject({ 'x-cache': 'Miss from cloudfront', 'content-type': 'text/html' });
    expect(first.headers.age).toBeUndefined();
    expect(first.headers.via).toMatch(/^1\.1 [0-9a-f]+\.cloudfront\.net \(CloudFront\)$/);
    expect(first.headers['x-amz-cf-pop']).toBeTruthy();

    const second = await get(id, '/');
    expect(second.headers['x-cache']).toBe('Hit from cloudfront');
    expect(second.headers.age).toMatch(/^\d+$/);
    expect(second.body).toBe('<h1>chat v1</h1>');

    const head = await get(id, '/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['x-cache']).toBe('Miss from cloudfront');
    const afterHead = await get(id, '/app.js');
    expect(afterHead).toMatchObject({ body: 'console.log(1)', headers: { 'x-cache': 'Hit from cloudfront' } });

    const conditional = await get(id, '/app.js', 'GET', { 'if-none-match': afterHead.headers.etag! });
    expect(conditional.status).toBe(304);

    const health = (await (await fetch(`${cloud.url}/_emulator/health`)).json()) as {
      services: { cloudfront: { cache: Record<string, number> } };
    };
    expect(health.services.cloudfront.cache.hits).toBeGreaterThanOrEqual(3);
    expect(health.services.cloudfront.cache.misses).toBeGreaterThanOrEqual(2);
    expect(health.services.cloudfront.cache.entries).toBeGreaterThanOrEqual(2);
  });

  it('keeps objects for their TTL and honours the origin Cache-Control', async () => {
    await put('short.js', 'short', { CacheControl: 'max-age=1' });
    await put('never.js', 'never', { CacheControl: 'no-cache' });
    await put('long.js', 'long', { CacheControl: 'max-age=1' });
    const id = await distribution(websiteDistribution(WEBSITE_ORIGIN));
    const floored = await distribution(websiteDistribution(WEBSITE_ORIGIN, {}, { MinTTL: 3600 }));

    expect((await get(id, '/short.js')).headers['x-cache']).toBe('Miss from cloudfront');
    expect((await get(id, '/short.js')).headers['x-cache']).toBe('Hit from cloudfront');
    expect((await get(id, '/never.js')).headers['x-cache']).toBe('Miss from cloudfront');
    expect((await get(id, '/never.js')).headers['x-cache']).toBe('Miss from cloudfront');
    // MinTTL wins over a shorter max-age and over no-cache.
    await get(floored, '/long.js');
    await get(floored, '/never.js');

    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await get(id, '/short.js')).headers['x-cache']).toBe('Miss from cloudfront');
    expect((await get(floored, '/long.js')).headers['x-cache']).toBe('Hit from cloudfront');
    expect((await get(floored, '/never.js')).headers['x-cache']).toBe('Hit from cloudfront');
  });

  it('purges exact paths and wildcards on invalidation', async () => {
    await put('assets/a.css', 'a1');
    await put('assets/b.css', 'b1');
    await put('page.html', 'p1');
    const id = await distribution(websiteDistribution(WEBSITE_ORIGIN));
    for (const path of ['/assets/a.css', '/assets/b.css', '/page.html']) await get(id, path);
    await put('assets/a.css', 'a2');
    await put('assets/b.css', 'b2');
    await put('page.html', 'p2');
    expect((await get(id, '/page.html')).body).toBe('p1');

    await invalidate(id, ['/page.html']);
    expect(await get(id, '/page.html')).toMatchObject({ body: 'p2', headers: { 'x-cache': 'Miss from cloudfront' } });
    expect((await get(id, '/assets/a.css')).body).toBe('a1');

    await invalidate(id, ['/assets/*']);
    expect((await get(id, '/assets/a.css')).body).toBe('a2');
    expect((await get(id, '/assets/b.css')).body).toBe('b2');
    expect((await get(id, '/page.html')).headers['x-cache']).toBe('Hit from cloudfront');

    await put('page.html', 'p3');
    await invalidate(id, ['/*']);
    expect((await get(id, '/page.html')).body).toBe('p3');
  });

  it('falls back to /index.html for a single-page app, and passes origin errors through otherwise', async () => {
    const app = await distribution(websiteDistribution(WEBSITE_ORIGIN, spa));
    const deepLink = await get(app, '/conversations/c-1');
    expect(deepLink).toMatchObject({ status: 200, body: '<h1>chat v1</h1>', headers: { 'x-cache': 'Error from cloudfront' } });

    const plain = await distribution(websiteDistribution(WEBSITE_ORIGIN));
    const missing = await get(plain, '/conversations/c-1');
    expect(missing.status).toBe(403);
    expect(missing.headers['x-cache']).toBe('Error from cloudfront');
    expect(missing.body).toContain('AccessDenied');
    // Errors are cached for ErrorCachingMinTTL, 10 seconds by default.
    expect((await get(plain, '/conversations/c-1')).headers['x-cache']).toBe('Error from cloudfront');
    await put('conversations/c-1', 'now there');
    expect((await get(plain, '/conversations/c-1')).status).toBe(403);
    await invalidate(plain, ['/conversations/*']);
    expect(await get(plain, '/conversations/c-1')).toMatchObject({ status: 200, body: 'now there' });
  });

  it('routes cache behaviours by path pattern', async () => {
    await put('api/data.json', 'v1');
    const id = await distribution(
      websiteDistribution(WEBSITE_ORIGIN, {
        CacheBehaviors: {
          Quantity: 1,
          Items: [
            {
              PathPattern: '/api/*',
              TargetOriginId: 'website',
              ViewerProtocolPolicy: 'allow-all',
              CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
            },
          ],
        },
      }),
    );
    expect((await get(id, '/api/data.json')).headers['x-cache']).toBe('Miss from cloudfront');
    await put('api/data.json', 'v2');
    expect(await get(id, '/api/data.json')).toMatchObject({ body: 'v2', headers: { 'x-cache': 'Miss from cloudfront' } });
    expect((await get(id, '/app.js')).headers['x-cache']).toBe('Miss from cloudfront');
    expect((await get(id, '/app.js')).headers['x-cache']).toBe('Hit from cloudfront');
  });

  it('reads S3 REST origins anonymously through the bucket policy, or as the owner with origin access control', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'cdn-private' }));
    await s3.send(
      new PutObjectCommand({ Bucket: 'cdn-private', Key: 'secret.txt', Body: 'for cloudfront only', ContentType: 'text/plain' }),
    );
    const restOrigin = (oac: string) => ({
      Origins: {
        Quantity: 1,
        Items: [
          {
            Id: 'website',
            DomainName: 'cdn-private.s3.us-east-1.amazonaws.com',
            S3OriginConfig: { OriginAccessIdentity: '' },
            OriginAccessControlId: oac,
          },
        ],
      },
    });
    const anonymous = await distribution({ ...websiteDistribution('unused'), ...restOrigin('') });
    const denied = await get(anonymous, '/secret.txt');
    expect(denied.status).toBe(403);
    expect(denied.body).toContain('<Code>AccessDenied</Code>');
    const withOac = await distribution({ ...websiteDistribution('unused'), ...restOrigin('E2QWRUHAPOMQZL') });
    expect(await get(withOac, '/secret.txt')).toMatchObject({
      status: 200,
      body: 'for cloudfront only',
      headers: { 'content-type': 'text/plain' },
    });
  });

  it('refuses unknown and disabled distributions and methods a behaviour does not allow', async () => {
    const unknown = await get('E0000000000000', '/');
    expect(unknown.status).toBe(403);
    expect(unknown.body).toContain('The request could not be satisfied');
    const id = await distribution(websiteDistribution(WEBSITE_ORIGIN));
    const post = await get(id, '/', 'POST');
    expect(post.status).toBe(403);
    expect(post.body).toContain('not configured to allow the HTTP request method');

    const { DistributionConfig: config, ETag } = await cf.send(new GetDistributionConfigCommand({ Id: id }));
    await cf.send(new UpdateDistributionCommand({ Id: id, IfMatch: ETag, DistributionConfig: { ...config!, Enabled: false } }));
    expect((await get(id, '/')).status).toBe(403);
  });
});
