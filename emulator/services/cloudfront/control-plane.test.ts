import {
  CloudFrontClient,
  CreateDistributionCommand,
  CreateDistributionWithTagsCommand,
  CreateInvalidationCommand,
  DeleteDistributionCommand,
  DistributionAlreadyExists,
  DistributionNotDisabled,
  GetDistributionCommand,
  GetDistributionConfigCommand,
  GetInvalidationCommand,
  InconsistentQuantities,
  InvalidIfMatchVersion,
  InvalidTTLOrder,
  ListDistributionsCommand,
  ListInvalidationsCommand,
  ListTagsForResourceCommand,
  NoSuchDistribution,
  NoSuchInvalidation,
  NoSuchOrigin,
  PreconditionFailed,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateDistributionCommand,
} from '@aws-sdk/client-cloudfront';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { websiteDistribution } from './test-support.js';

describe('CloudFront control plane', () => {
  let cloud: TestCloud;
  let cf: CloudFrontClient;
  beforeAll(async () => {
    cloud = await startTestCloud({ persist: true });
    cf = new CloudFrontClient(cloud.clientConfig);
  });
  afterAll(async () => cloud.close());

  it('creates a distribution and reads it back with the defaults AWS fills in', async () => {
    const config = websiteDistribution('site.s3-website-us-east-1.amazonaws.com', {
      CustomErrorResponses: {
        Quantity: 1,
        Items: [{ ErrorCode: 404, ResponsePagePath: '/index.html', ResponseCode: '200', ErrorCachingMinTTL: 0 }],
      },
      CacheBehaviors: {
        Quantity: 1,
        Items: [
          {
            PathPattern: 'assets/*',
            TargetOriginId: 'website',
            ViewerProtocolPolicy: 'allow-all',
            CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
          },
        ],
      },
    });
    const created = await cf.send(new CreateDistributionCommand({ DistributionConfig: config }));
    const id = created.Distribution?.Id ?? '';
    expect(id).toMatch(/^E[A-Z0-9]{13}$/);
    expect(created.ETag).toMatch(/^E[A-Z0-9]{13}$/);
    expect(created.Location).toBe(`https://cloudfront.amazonaws.com/2020-05-31/distribution/${id}`);
    expect(created.Distribution).toMatchObject({
      ARN: `arn:aws:cloudfront::000000000000:distribution/${id}`,
      Status: 'InProgress',
      DomainName: `${id.toLowerCase()}.cloudfront.net`,
      InProgressInvalidationBatches: 0,
    });
    expect(created.Distribution?.LastModifiedTime).toBeInstanceOf(Date);

    const got = await cf.send(new GetDistributionCommand({ Id: id }));
    expect(got.ETag).toBe(created.ETag);
    expect(got.Distribution?.Status).toBe('Deployed');
    const stored = got.Distribution?.DistributionConfig;
    expect(stored).toMatchObject({
      CallerReference: config.CallerReference,
      Comment: 'test distribution',
      Enabled: true,
      DefaultRootObject: 'index.html',
      Aliases: { Quantity: 0 },
      PriceClass: 'PriceClass_All',
      HttpVersion: 'http2',
      Origins: {
        Quantity: 1,
        Items: [
          {
            Id: 'website',
            DomainName: 'site.s3-website-us-east-1.amazonaws.com',
            OriginPath: '',
            CustomHeaders: { Quantity: 0 },
            CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'http-only' },
            ConnectionAttempts: 3,
            ConnectionTimeout: 10,
          },
        ],
      },
      DefaultCacheBehavior: {
        TargetOriginId: 'website',
        ViewerProtocolPolicy: 'redirect-to-https',
        AllowedMethods: { Quantity: 2, Items: ['HEAD', 'GET'], CachedMethods: { Quantity: 2, Items: ['HEAD', 'GET'] } },
        ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } },
        MinTTL: 0,
        DefaultTTL: 86400,
        MaxTTL: 31536000,
        Compress: false,
      },
      CacheBehaviors: { Quantity: 1, Items: [{ PathPattern: 'assets/*', CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' }] },
      CustomErrorResponses: {
        Quantity: 1,
        Items: [{ ErrorCode: 404, ResponsePagePath: '/index.html', ResponseCode: '200', ErrorCachingMinTTL: 0 }],
      },
    });

    const configOnly = await cf.send(new GetDistributionConfigCommand({ Id: id }));
    expect(configOnly.DistributionConfig).toEqual(stored);
    expect(configOnly.ETag).toBe(created.ETag);

    const list = await cf.send(new ListDistributionsCommand({}));
    expect(list.DistributionList?.Items?.map((d) => d.Id)).toContain(id);
    expect(list.DistributionList).toMatchObject({ IsTruncated: false, MaxItems: 100 });
    expect(list.DistributionList?.Items?.find((d) => d.Id === id)).toMatchObject({
      Enabled: true,
      Comment: 'test distribution',
      Status: 'Deployed',
    });

    await expect(cf.send(new CreateDistributionCommand({ DistributionConfig: config }))).rejects.toMatchObject({
      name: 'DistributionAlreadyExists',
      message: `The caller reference that you are using to create a distribution is associated with another distribution. Already exists: ${id}`,
    });
    await expect(cf.send(new CreateDistributionCommand({ DistributionConfig: config }))).rejects.toBeInstanceOf(DistributionAlreadyExists);
  });

  it('enforces the ETag rules on update and delete, and deletes only disabled distributions', async () => {
    const created = await cf.send(new CreateDistributionCommand({ DistributionConfig: websiteDistribution('b.s3-website.localhost') }));
    const id = created.Distribution!.Id!;
    const { DistributionConfig: config, ETag } = await cf.send(new GetDistributionConfigCommand({ Id: id }));

    await expect(cf.send(new UpdateDistributionCommand({ Id: id, DistributionConfig: config }))).rejects.toMatchObject({
      name: 'InvalidIfMatchVersion',
      message: 'The If-Match version is missing or not valid for the resource.',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      cf.send(new UpdateDistributionCommand({ Id: id, DistributionConfig: config, IfMatch: 'E0000000000000' })),
    ).rejects.toBeInstanceOf(PreconditionFailed);
    await expect(cf.send(new DeleteDistributionCommand({ Id: id, IfMatch: ETag }))).rejects.toBeInstanceOf(DistributionNotDisabled);
    await expect(cf.send(new DeleteDistributionCommand({ Id: id, IfMatch: ETag }))).rejects.toMatchObject({
      message: 'The distribution you are trying to delete has not been disabled.',
      $metadata: { httpStatusCode: 409 },
    });

    const disabled = await cf.send(
      new UpdateDistributionCommand({ Id: id, IfMatch: ETag, DistributionConfig: { ...config!, Enabled: false } }),
    );
    expect(disabled.ETag).not.toBe(ETag);
    expect(disabled.Distribution).toMatchObject({ Status: 'InProgress', DistributionConfig: { Enabled: false } });
    await expect(cf.send(new DeleteDistributionCommand({ Id: id }))).rejects.toBeInstanceOf(InvalidIfMatchVersion);
    await expect(cf.send(new DeleteDistributionCommand({ Id: id, IfMatch: ETag }))).rejects.toMatchObject({
      name: 'PreconditionFailed',
      $metadata: { httpStatusCode: 412 },
    });
    await expect(
      cf.send(
        new UpdateDistributionCommand({ Id: id, IfMatch: disabled.ETag, DistributionConfig: { ...config!, CallerReference: 'other' } }),
      ),
    ).rejects.toMatchObject({ name: 'IllegalUpdate' });
    await cf.send(new DeleteDistributionCommand({ Id: id, IfMatch: disabled.ETag }));
    await expect(cf.send(new GetDistributionCommand({ Id: id }))).rejects.toMatchObject({
      name: 'NoSuchDistribution',
      message: 'The specified distribution does not exist.',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(cf.send(new DeleteDistributionCommand({ Id: id, IfMatch: disabled.ETag }))).rejects.toBeInstanceOf(NoSuchDistribution);
  });

  it('rejects configurations CloudFront rejects', async () => {
    const base = websiteDistribution('c.s3-website.localhost');
    await expect(
      cf.send(new CreateDistributionCommand({ DistributionConfig: { ...base, Origins: { Quantity: 2, Items: base.Origins!.Items } } })),
    ).rejects.toBeInstanceOf(InconsistentQuantities);
    await expect(
      cf.send(
        new CreateDistributionCommand({
          DistributionConfig: { ...base, DefaultCacheBehavior: { ...base.DefaultCacheBehavior!, TargetOriginId: 'nope' } },
        }),
      ),
    ).rejects.toBeInstanceOf(NoSuchOrigin);
    await expect(
      cf.send(
        new CreateDistributionCommand({
          DistributionConfig: { ...base, DefaultCacheBehavior: { ...base.DefaultCacheBehavior!, MinTTL: 100, DefaultTTL: 10 } },
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidTTLOrder);
    await expect(
      cf.send(
        new CreateDistributionCommand({
          DistributionConfig: {
            ...base,
            CustomErrorResponses: { Quantity: 1, Items: [{ ErrorCode: 404, ResponsePagePath: 'index.html', ResponseCode: '200' }] },
          },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidRelativePath' });
    const raw = await fetch(`${cloud.url}/2020-05-31/distribution`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: '<DistributionConfig><Enabled>maybe</Enabled></DistributionConfig>',
    });
    expect(raw.status).toBe(400);
    expect(await raw.text()).toContain('<Code>MalformedInput</Code>');
    const hostile = [
      ['/2020-05-31/distribution/%FF/invalidation', '<InvalidationBatch/>'],
      [
        '/2020-05-31/distribution',
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><DistributionConfig>&e;</DistributionConfig>',
      ],
      ['/2020-05-31/distribution', `${'<DistributionConfig>'.repeat(20_000)}${'</DistributionConfig>'.repeat(20_000)}`],
    ];
    for (const [path, body] of hostile) {
      const answer = await fetch(`${cloud.url}${path}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
      expect({ path, status: answer.status, code: /<Code>(\w+)<\/Code>/.exec(await answer.text())?.[1] }).toEqual({
        path,
        status: 400,
        code: 'MalformedInput',
      });
    }
    const unimplemented = await fetch(`${cloud.url}/2020-05-31/cache-policy`, { method: 'POST', body: '<CachePolicyConfig/>' });
    expect(unimplemented.status).toBe(400);
    expect(await unimplemented.text()).toContain('The operation CreateCachePolicy is not supported by the local CloudFront service yet.');
  });

  it('creates, reads and lists invalidations', async () => {
    const { Distribution } = await cf.send(
      new CreateDistributionCommand({ DistributionConfig: websiteDistribution('d.s3-website.localhost') }),
    );
    const id = Distribution!.Id!;
    const first = await cf.send(
      new CreateInvalidationCommand({
        DistributionId: id,
        InvalidationBatch: { CallerReference: 'deploy-1', Paths: { Quantity: 1, Items: ['/*'] } },
      }),
    );
    expect(first.Invalidation).toMatchObject({
      Status: 'InProgress',
      InvalidationBatch: { CallerReference: 'deploy-1', Paths: { Quantity: 1, Items: ['/*'] } },
    });
    expect(first.Invalidation?.Id).toMatch(/^I[A-Z0-9]{13}$/);
    expect(first.Location).toBe(`https://cloudfront.amazonaws.com/2020-05-31/distribution/${id}/invalidation/${first.Invalidation?.Id}`);
    const again = await cf.send(
      new CreateInvalidationCommand({
        DistributionId: id,
        InvalidationBatch: { CallerReference: 'deploy-1', Paths: { Quantity: 1, Items: ['/*'] } },
      }),
    );
    expect(again.Invalidation?.Id).toBe(first.Invalidation?.Id);
    const second = await cf.send(
      new CreateInvalidationCommand({
        DistributionId: id,
        InvalidationBatch: { CallerReference: 'deploy-2', Paths: { Quantity: 2, Items: ['/index.html', '/assets/*'] } },
      }),
    );

    const got = await cf.send(new GetInvalidationCommand({ DistributionId: id, Id: first.Invalidation!.Id }));
    expect(got.Invalidation).toMatchObject({ Id: first.Invalidation!.Id, Status: 'Completed' });
    expect(got.Invalidation?.CreateTime).toBeInstanceOf(Date);
    const list = await cf.send(new ListInvalidationsCommand({ DistributionId: id, MaxItems: 1 }));
    expect(list.InvalidationList).toMatchObject({ Quantity: 1, IsTruncated: true, NextMarker: second.Invalidation!.Id });
    const next = await cf.send(new ListInvalidationsCommand({ DistributionId: id, Marker: list.InvalidationList!.NextMarker }));
    expect(next.InvalidationList?.Items?.map((i) => i.Id)).toEqual([first.Invalidation!.Id]);

    await expect(cf.send(new GetInvalidationCommand({ DistributionId: id, Id: 'INOPE' }))).rejects.toBeInstanceOf(NoSuchInvalidation);
    await expect(
      cf.send(
        new CreateInvalidationCommand({
          DistributionId: id,
          InvalidationBatch: { CallerReference: 'x', Paths: { Quantity: 1, Items: ['no-slash'] } },
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidArgument' });
    await expect(
      cf.send(
        new CreateInvalidationCommand({
          DistributionId: 'ENOPE',
          InvalidationBatch: { CallerReference: 'x', Paths: { Quantity: 1, Items: ['/*'] } },
        }),
      ),
    ).rejects.toBeInstanceOf(NoSuchDistribution);
  });

  it('tags distributions', async () => {
    const created = await cf.send(
      new CreateDistributionWithTagsCommand({
        DistributionConfigWithTags: {
          DistributionConfig: websiteDistribution('e.s3-website.localhost'),
          Tags: { Items: [{ Key: 'stack', Value: 'serverless-chat' }] },
        },
      }),
    );
    const arn = created.Distribution!.ARN!;
    expect((await cf.send(new ListTagsForResourceCommand({ Resource: arn }))).Tags?.Items).toEqual([
      { Key: 'stack', Value: 'serverless-chat' },
    ]);
    await cf.send(new TagResourceCommand({ Resource: arn, Tags: { Items: [{ Key: 'env', Value: 'local' }] } }));
    await cf.send(new UntagResourceCommand({ Resource: arn, TagKeys: { Items: ['stack'] } }));
    expect((await cf.send(new ListTagsForResourceCommand({ Resource: arn }))).Tags?.Items).toEqual([{ Key: 'env', Value: 'local' }]);
    await expect(
      cf.send(new ListTagsForResourceCommand({ Resource: 'arn:aws:cloudfront::000000000000:distribution/ENOPE' })),
    ).rejects.toMatchObject({ name: 'NoSuchResource' });
  });
});
