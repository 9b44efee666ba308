import {
  CloudFrontClient,
  GetDistributionConfigCommand,
  ListDistributionsCommand,
  ListTagsForResourceCommand,
  UpdateDistributionCommand,
} from '@aws-sdk/client-cloudfront';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostRequest } from '../../emulator/services/s3/host-request.js';
import { startTestCloud, type TestCloud } from '../../test/local-cloud.js';
import { type Clients, clientsFor } from '../target.js';
import { distributionComment, ensureDistribution, invalidateAll, websiteOriginDomain } from './cdn.js';
import { ensureWebsiteBucket } from './website.js';

const BUCKET = 'chat-client-cdn-test';

describe('provision step: the CloudFront distribution of the client', () => {
  let cloud: TestCloud;
  let clients: Clients;
  const viaCdn = (url: string, path: string) => hostRequest(cloud.port, new URL(url).host, path);

  beforeAll(async () => {
    cloud = await startTestCloud();
    clients = clientsFor({ name: 'local', region: 'us-east-1', endpoint: cloud.url });
    await ensureWebsiteBucket(clients, BUCKET, 'us-east-1');
    await clients.s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'index.html', Body: '<div id="app">v1</div>', ContentType: 'text/html' }),
    );
  });
  afterAll(async () => cloud.close());

  it('names the website endpoint of the bucket as origin', () => {
    expect(websiteOriginDomain('b', 'us-east-1')).toBe('b.s3-website-us-east-1.amazonaws.com');
    expect(websiteOriginDomain('b', 'eu-central-1')).toBe('b.s3-website.eu-central-1.amazonaws.com');
  });

  it('creates the distribution once, serves the app with the SPA fallback, and invalidates everything on deploy', async () => {
    const first = await ensureDistribution(clients, { bucket: BUCKET, region: 'us-east-1', endpoint: cloud.url });
    expect(first.url).toBe(`http://${first.distributionId.toLowerCase()}.cloudfront.localhost:${cloud.port}/`);
    expect(first.domainName).toBe(`${first.distributionId.toLowerCase()}.cloudfront.net`);
    const again = await ensureDistribution(clients, { bucket: BUCKET, region: 'us-east-1', endpoint: cloud.url });
    expect(again).toEqual(first);
    const listed = await clients.cloudfront.send(new ListDistributionsCommand({}));
    expect(listed.DistributionList?.Items?.filter((d) => d.Comment === distributionComment(BUCKET))).toHaveLength(1);
    const arn = listed.DistributionList!.Items![0]!.ARN;
    expect((await clients.cloudfront.send(new ListTagsForResourceCommand({ Resource: arn }))).Tags?.Items).toEqual([
      { Key: 'app', Value: 'serverless-chat' },
    ]);

    expect(await viaCdn(first.url, '/')).toMatchObject({ status: 200, body: '<div id="app">v1</div>' });
    expect(await viaCdn(first.url, '/conversations/abc')).toMatchObject({ status: 200, body: '<div id="app">v1</div>' });
    expect((await viaCdn(first.url, '/')).headers['x-cache']).toBe('Hit from cloudfront');

    await clients.s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'index.html', Body: '<div id="app">v2</div>', ContentType: 'text/html' }),
    );
    expect((await viaCdn(first.url, '/')).body).toBe('<div id="app">v1</div>');
    expect(await invalidateAll(clients, first.distributionId)).toMatch(/^I/);
    expect(await viaCdn(first.url, '/')).toMatchObject({ body: '<div id="app">v2</div>', headers: { 'x-cache': 'Miss from cloudfront' } });
  });

  it('puts back what the stack decides when the distribution was changed by hand', async () => {
    const { distributionId } = await ensureDistribution(clients, { bucket: BUCKET, region: 'us-east-1', endpoint: cloud.url });
    const cf = new CloudFrontClient(cloud.clientConfig);
    const { DistributionConfig: config, ETag } = await cf.send(new GetDistributionConfigCommand({ Id: distributionId }));
    await cf.send(
      new UpdateDistributionCommand({
        Id: distributionId,
        IfMatch: ETag,
        DistributionConfig: { ...config!, DefaultRootObject: 'other.html' },
      }),
    );
    await ensureDistribution(clients, { bucket: BUCKET, region: 'us-east-1', endpoint: cloud.url });
    const repaired = await cf.send(new GetDistributionConfigCommand({ Id: distributionId }));
    expect(repaired.DistributionConfig?.DefaultRootObject).toBe('index.html');
    expect(repaired.ETag).not.toBe(ETag);
  });

  it('gives the CloudFront URL on AWS', async () => {
    const aws = await ensureDistribution(clients, { bucket: BUCKET, region: 'us-east-1' });
    expect(aws.url).toBe(`https://${aws.domainName}/`);
  });
});
