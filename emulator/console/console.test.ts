import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from '@aws-sdk/client-api-gateway';
import { CloudFrontClient, CreateDistributionCommand } from '@aws-sdk/client-cloudfront';
import { CloudWatchClient, PutMetricAlarmCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateAliasCommand, CreateFunctionCommand, InvokeCommand, LambdaClient, PublishVersionCommand } from '@aws-sdk/client-lambda';
import {
  CreateBucketCommand,
  DeletePublicAccessBlockCommand,
  PutBucketPolicyCommand,
  PutBucketWebsiteCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../test/local-cloud.js';
import { websiteDistribution } from '../services/cloudfront/test-support.js';
import { cognitoClient, createChatPool, PASSWORD } from '../services/cognito/test-support.js';
import { ROLE, versionedCode } from '../services/lambda/test-support.js';
import { hostRequest } from '../services/s3/host-request.js';

/** The console's JSON API as the page reads it. */
describe('local console API', () => {
  let cloud: TestCloud;
  const api = async (path: string, query: Record<string, string> = {}) => {
    const response = await fetch(`${cloud.url}/_emulator/console/api/${path}?${new URLSearchParams(query)}`);
    return { status: response.status, body: (await response.json()) as any };
  };
  const act = async (path: string, query: Record<string, string>, headers: Record<string, string> = {}) => {
    const response = await fetch(`${cloud.url}/_emulator/console/api/${path}?${new URLSearchParams(query)}`, { method: 'POST', headers });
    return { status: response.status, body: (await response.json()) as any };
  };
  const ok = async (path: string, query: Record<string, string> = {}) => {
    const { status, body } = await api(path, query);
    expect(status, JSON.stringify(body)).toBe(200);
    return body;
  };

  beforeAll(async () => {
    process.env.EMULATOR_ALARM_INTERVAL_MS = '0'; // alarm states change only when the test says so
    cloud = await startTestCloud();
  });
  afterAll(async () => cloud.close());

  it('serves the page at /_emulator/ and keeps the other admin routes', async () => {
    const page = await fetch(`${cloud.url}/_emulator/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('/_emulator/console/app.js');
    const script = await fetch(`${cloud.url}/_emulator/console/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${cloud.url}/_emulator/console`)).status).toBe(200);
    expect((await fetch(`${cloud.url}/_emulator/health`)).status).toBe(200);
    expect((await fetch(`${cloud.url}/_emulator/cognito/codes`)).status).toBe(200);
    expect((await fetch(`${cloud.url}/_emulator/console/nothing-here.js`)).status).toBe(404);
  });

  describe('DynamoDB', () => {
    beforeAll(async () => {
      const ddb = new DynamoDBClient(cloud.clientConfig);
      await ddb.send(
        new CreateTableCommand({
          TableName: 'Console-Messages',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 'conversationId', AttributeType: 'S' },
            { AttributeName: 'sentAt', AttributeType: 'N' },
            { AttributeName: 'sender', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'conversationId', KeyType: 'HASH' },
            { AttributeName: 'sentAt', KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: [
            {
              IndexName: 'bySender',
              KeySchema: [
                { AttributeName: 'sender', KeyType: 'HASH' },
                { AttributeName: 'sentAt', KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
          ],
        }),
      );
      for (let i = 1; i <= 5; i++) {
        await ddb.send(
          new PutItemCommand({
            TableName: 'Console-Messages',
            Item: {
              conversationId: { S: i <= 3 ? 'c1' : 'c2' },
              sentAt: { N: String(i) },
              sender: { S: i % 2 ? 'alice' : 'bob' },
              text: { S: `<b>message ${i}</b>` },
            },
          }),
        );
      }
    });

    it('lists tables with their keys and indexes', async () => {
      const { tables } = await ok('dynamodb/tables');
      const table = tables.find((t: any) => t.name === 'Console-Messages');
      expect(table.keySchema).toEqual([
        { AttributeName: 'conversationId', KeyType: 'HASH' },
        { AttributeName: 'sentAt', KeyType: 'RANGE' },
      ]);
      expect(table.indexes).toEqual([expect.objectContaining({ name: 'bySender', kind: 'global' })]);
    });

    it('shows a table with a page of its items and a cursor to the next page', async () => {
      const first = await ok('dynamodb/table', { name: 'Console-Messages', limit: '3' });
      expect(first.items).toHaveLength(3);
      expect(first.next).toEqual(expect.any(String));
      const second = await ok('dynamodb/table', { name: 'Console-Messages', limit: '3', next: first.next });
      expect(second.items).toHaveLength(2);
      expect(second.next).toBeUndefined();
      const texts = [...first.items, ...second.items].map((item: any) => item.text.S).sort();
      expect(texts).toEqual([1, 2, 3, 4, 5].map((i) => `<b>message ${i}</b>`));
    });

    it('queries by partition key and sort key condition, on the table or an index', async () => {
      const all = await ok('dynamodb/query', { table: 'Console-Messages', pk: 'c1' });
      expect(all.items.map((i: any) => i.sentAt.N)).toEqual(['1', '2', '3']);
      const later = await ok('dynamodb/query', { table: 'Console-Messages', pk: 'c1', skOp: '>', sk: '1', order: 'desc' });
      expect(later.items.map((i: any) => i.sentAt.N)).toEqual(['3', '2']);
      const between = await ok('dynamodb/query', { table: 'Console-Messages', pk: 'c1', skOp: 'between', sk: '2', sk2: '3' });
      expect(between.keyConditionExpression).toBe('#pk = :pk AND #sk BETWEEN :sk AND :sk2');
      expect(between.count).toBe(2);
      const bySender = await ok('dynamodb/query', { table: 'Console-Messages', index: 'bySender', pk: 'alice' });
      expect(bySender.items.map((i: any) => i.sentAt.N)).toEqual(['1', '3', '5']);
    });

    it('answers 400 with a message to bad query parameters', async () => {
      const cases: Array<Record<string, string>> = [
        { table: 'Console-Messages' },
        { table: 'Console-Messages', pk: 'c1', skOp: 'like', sk: '1' },
        { table: 'Console-Messages', pk: 'c1', skOp: '>', sk: 'abc' },
        { table: 'Console-Messages', pk: 'c1', skOp: 'between', sk: '1' },
        { table: 'Console-Messages', pk: 'c1', limit: '0' },
        { table: 'Console-Messages', pk: 'c1', limit: 'ten' },
        { table: 'Console-Messages', pk: 'c1', next: '!!not-a-cursor' },
        { table: 'Console-Messages', pk: 'c1', index: 'nope' },
        { table: 'Console-Messages', pk: 'c1', account: 'abc' },
        { table: 'No-Such-Table', pk: 'c1' },
      ];
      for (const query of cases) {
        const { status, body } = await api('dynamodb/query', query);
        expect([status, JSON.stringify(query)]).toEqual([400, JSON.stringify(query)]);
        expect(body.message).toEqual(expect.any(String));
      }
      expect((await api('dynamodb/table', {})).status).toBe(400);
    });

    it('purges a table when asked by the console page or a tool, never by another site', async () => {
      const foreign = await act('dynamodb/purge', { table: 'Console-Messages' }, { origin: 'http://evil.example' });
      expect(foreign.status).toBe(403);
      expect((await api('dynamodb/purge', { table: 'Console-Messages' })).status).toBe(404);
      expect((await ok('dynamodb/table', { name: 'Console-Messages' })).items).toHaveLength(5);
      const purged = await act('dynamodb/purge', { table: 'Console-Messages' }, { origin: cloud.url });
      expect(purged).toEqual({ status: 200, body: { table: 'Console-Messages', deleted: 5 } });
      expect((await ok('dynamodb/table', { name: 'Console-Messages' })).items).toEqual([]);
      expect((await ok('dynamodb/query', { table: 'Console-Messages', index: 'bySender', pk: 'alice' })).items).toEqual([]);
      expect((await act('dynamodb/purge', {})).status).toBe(400);
    });
  });

  describe('S3 and CloudFront', () => {
    const site = 'console-site';
    let distributionId: string;

    beforeAll(async () => {
      const s3 = new S3Client(cloud.clientConfig);
      await s3.send(new CreateBucketCommand({ Bucket: site }));
      await s3.send(new PutBucketWebsiteCommand({ Bucket: site, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } }));
      await s3.send(new DeletePublicAccessBlockCommand({ Bucket: site }));
      await s3.send(
        new PutBucketPolicyCommand({
          Bucket: site,
          Policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${site}/*` }],
          }),
        }),
      );
      await s3.send(new PutObjectCommand({ Bucket: site, Key: 'index.html', Body: '<h1>hi</h1>', ContentType: 'text/html' }));
      await s3.send(new PutObjectCommand({ Bucket: site, Key: 'assets/app.js', Body: 'console.log(1)' }));
      const cf = new CloudFrontClient(cloud.clientConfig);
      const created = await cf.send(
        new CreateDistributionCommand({ DistributionConfig: websiteDistribution(`${site}.s3-website-us-east-1.amazonaws.com`) }),
      );
      distributionId = created.Distribution!.Id!;
    });

    it('lists buckets and one level of a bucket at a time', async () => {
      const { buckets } = await ok('s3/buckets');
      expect(buckets).toEqual([expect.objectContaining({ name: site, website: expect.stringContaining(`${site}.s3-website.localhost`) })]);
      const top = await ok('s3/objects', { bucket: site });
      expect(top.folders).toEqual(['assets/']);
      expect(top.objects.map((o: any) => [o.key, o.size])).toEqual([['index.html', 11]]);
      expect(top.website.IndexDocument).toEqual({ Suffix: 'index.html' });
      const assets = await ok('s3/objects', { bucket: site, prefix: 'assets/' });
      expect(assets.objects.map((o: any) => o.key)).toEqual(['assets/app.js']);
      expect((await api('s3/objects', { bucket: 'no-such-bucket' })).status).toBe(404);
    });

    it('shows distributions with their cache statistics', async () => {
      const host = `${distributionId.toLowerCase()}.cloudfront.localhost:${cloud.port}`;
      expect((await hostRequest(cloud.port, host, '/')).headers['x-cache']).toBe('Miss from cloudfront');
      expect((await hostRequest(cloud.port, host, '/')).headers['x-cache']).toBe('Hit from cloudfront');
      const { distributions } = await ok('cloudfront/distributions');
      expect(distributions).toEqual([
        expect.objectContaining({ id: distributionId, enabled: true, cache: { entries: 1, bytes: 11, hits: 1, misses: 1 } }),
      ]);
      const one = await ok('cloudfront/distribution', { id: distributionId });
      expect(one.defaultRootObject).toBe('index.html');
      expect(one.behaviors).toEqual([expect.objectContaining({ pathPattern: '*', origin: 'website' })]);
      expect(one.url).toContain(`${distributionId.toLowerCase()}.cloudfront.localhost`);
      expect((await api('cloudfront/distribution', { id: 'ENOSUCHDIST0000' })).status).toBe(404);
    });

    it('invalidates a distribution, which empties its cache', async () => {
      const invalidated = await act('cloudfront/invalidate', { id: distributionId });
      expect(invalidated.status).toBe(200);
      expect(invalidated.body).toEqual(expect.objectContaining({ id: expect.stringMatching(/^I/), paths: ['/*'] }));
      const one = await ok('cloudfront/distribution', { id: distributionId });
      expect(one.cache.entries).toBe(0);
      expect(one.invalidations.map((i: any) => i.id)).toEqual([invalidated.body.id]);
      const host = `${distributionId.toLowerCase()}.cloudfront.localhost:${cloud.port}`;
      expect((await hostRequest(cloud.port, host, '/')).headers['x-cache']).toBe('Miss from cloudfront');
      expect((await act('cloudfront/invalidate', { id: 'ENOSUCHDIST0000' })).status).toBe(404);
    });
  });

  describe('Lambda', () => {
    beforeAll(async () => {
      const lambda = new LambdaClient(cloud.clientConfig);
      await lambda.send(
        new CreateFunctionCommand({
          FunctionName: 'console-fn',
          Runtime: 'nodejs20.x',
          Role: ROLE,
          Handler: 'index.handler',
          Code: { ZipFile: versionedCode('v1') },
        }),
      );
      await lambda.send(new PublishVersionCommand({ FunctionName: 'console-fn' }));
      await lambda.send(new CreateAliasCommand({ FunctionName: 'console-fn', Name: 'live', FunctionVersion: '1' }));
      await lambda.send(new InvokeCommand({ FunctionName: 'console-fn', Qualifier: 'live', Payload: Buffer.from('{}') }));
    });

    it('lists functions, and shows one with its versions and aliases', async () => {
      const { functions } = await ok('lambda/functions');
      expect(functions).toEqual([expect.objectContaining({ name: 'console-fn', runtime: 'nodejs20.x', handler: 'index.handler' })]);
      const fn = await ok('lambda/function', { name: 'console-fn' });
      expect(fn.versions.map((v: any) => v.version)).toEqual(['$LATEST', '1']);
      expect(fn.aliases).toEqual([expect.objectContaining({ name: 'live', version: '1' })]);
      expect((await api('lambda/function', { name: 'no-such-fn' })).status).toBe(404);
    });

    it("shows the function's recent log lines", async () => {
      await expect
        .poll(async () => (await ok('lambda/logs', { name: 'console-fn' })).events.map((e: any) => e.message).join(''), { timeout: 10_000 })
        .toContain('running v1');
      const { events } = await ok('lambda/logs', { name: 'console-fn', limit: '1' });
      expect(events).toHaveLength(1);
      expect(events[0].message).toMatch(/^REPORT RequestId/);
      expect(await ok('lambda/logs', { name: 'never-ran' })).toEqual({ group: '/aws/lambda/never-ran', events: [] });
      expect((await api('lambda/logs', { name: 'console-fn', minutes: '-5' })).status).toBe(400);
    });
  });

  it('shows the resource tree each stage serves, apart from changes not yet deployed', async () => {
    const apigw = new APIGatewayClient(cloud.clientConfig);
    const { id: apiId } = await apigw.send(new CreateRestApiCommand({ name: 'console-api' }));
    const { items } = await apigw.send(new GetResourcesCommand({ restApiId: apiId }));
    const { id: itemsId } = await apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: items![0]!.id, pathPart: 'items' }));
    const method = { restApiId: apiId, resourceId: itemsId };
    await apigw.send(new PutMethodCommand({ ...method, httpMethod: 'GET', authorizationType: 'NONE' }));
    await apigw.send(
      new PutIntegrationCommand({
        ...method,
        httpMethod: 'GET',
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode":200}' },
      }),
    );
    await apigw.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'dev' }));
    await apigw.send(new PutMethodCommand({ ...method, httpMethod: 'POST', authorizationType: 'NONE' }));

    const { apis } = await ok('apigateway/apis');
    expect(apis).toEqual([expect.objectContaining({ id: apiId, name: 'console-api', stages: [expect.objectContaining({ name: 'dev' })] })]);
    const one = await ok('apigateway/api', { id: apiId! });
    const [stage] = one.stages;
    expect(stage.urls.pathStyle).toBe(`${cloud.url}/restapis/${apiId}/dev/_user_request_`);
    expect(stage.resources.map((r: any) => [r.path, r.methods.map((m: any) => m.httpMethod)])).toEqual([
      ['/', []],
      ['/items', ['GET']],
    ]);
    expect(stage.resources[1].methods[0].integration).toEqual(
      expect.objectContaining({ type: 'MOCK', requestTemplates: ['application/json'] }),
    );
    expect(one.live.find((r: any) => r.path === '/items').methods.map((m: any) => m.httpMethod)).toEqual(['GET', 'POST']);
    expect((await api('apigateway/api', { id: 'nosuchapi' })).status).toBe(404);
  });

  it('shows user pools with their users and the codes sent', async () => {
    const cognito = cognitoClient(cloud);
    const { poolId, clientId } = await createChatPool(cognito);
    await cognito.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: 'carol',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }],
      }),
    );
    const { pools } = await ok('cognito/pools');
    expect(pools).toEqual([expect.objectContaining({ id: poolId, name: 'ChatPool', estimatedUsers: 1 })]);
    const pool = await ok('cognito/pool', { id: poolId });
    expect(pool.clients).toEqual([{ id: clientId, name: 'chatapp' }]);
    expect(pool.users).toEqual([
      expect.objectContaining({
        username: 'carol',
        status: 'UNCONFIRMED',
        attributes: expect.objectContaining({ email: 'carol@example.com' }),
      }),
    ]);
    expect(pool.codes).toEqual([expect.objectContaining({ username: 'carol', kind: 'SIGN_UP', code: expect.stringMatching(/^\d{6}$/) })]);
    expect((await api('cognito/pool', { id: 'us-east-1_nosuchpool' })).status).toBe(400);
  });

  it('shows alarms with their state and the datapoints of their metric against the threshold', async () => {
    const cw = new CloudWatchClient(cloud.clientConfig);
    const now = Date.now();
    await cw.send(
      new PutMetricDataCommand({
        Namespace: 'Console/Test',
        MetricData: [3, 2, 1].map((minutesAgo, i) => ({
          MetricName: 'Failures',
          Dimensions: [{ Name: 'Service', Value: 'chat' }],
          Timestamp: new Date(now - minutesAgo * 60_000),
          Value: i * 5,
        })),
      }),
    );
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'console-failures',
        Namespace: 'Console/Test',
        MetricName: 'Failures',
        Dimensions: [{ Name: 'Service', Value: 'chat' }],
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 4,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    );
    const { alarms } = await ok('monitoring/alarms');
    const listed = alarms.find((a: any) => a.name === 'console-failures');
    expect(listed).toEqual(expect.objectContaining({ namespace: 'Console/Test', threshold: 4, statistic: 'Sum', period: 60 }));
    expect(listed.chart.points.map((p: any) => p.v)).toEqual([0, 5, 10]);
    expect(listed.chart.threshold).toBe(4);
    const one = await ok('monitoring/alarm', { name: 'console-failures', minutes: '30' });
    expect(one.chart.end - one.chart.start).toBe(30 * 60_000);
    expect(one.history.length).toBeGreaterThanOrEqual(1);
    expect((await api('monitoring/alarm', { name: 'no-such-alarm' })).status).toBe(404);
    expect((await api('monitoring/alarm', { name: 'console-failures', minutes: '1' })).status).toBe(400);

    const set = await act('monitoring/set-alarm-state', { name: 'console-failures', state: 'ALARM', reason: 'drill' });
    expect(set.status).toBe(200);
    const after = await ok('monitoring/alarm', { name: 'console-failures' });
    expect([after.alarm.state, after.alarm.reason]).toEqual(['ALARM', 'drill']);
    expect((await act('monitoring/set-alarm-state', { name: 'console-failures', state: 'ON_FIRE' })).status).toBe(400);
    expect((await act('monitoring/set-alarm-state', { name: 'console-failures' })).status).toBe(400);
    expect((await act('monitoring/set-alarm-state', { name: 'no-such-alarm', state: 'OK' })).status).toBe(404);

    const overview = await ok('overview');
    expect(overview.counts.monitoring).toBeGreaterThanOrEqual(1);
    expect(overview.account).toBe('000000000000');
  });
});
