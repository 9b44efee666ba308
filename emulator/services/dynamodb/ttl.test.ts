import {
  type AttributeValue,
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';

describe('DynamoDB time to live', () => {
  let cloud: TestCloud;
  let ddb: DynamoDBClient;

  async function createTable(TableName: string, withStream = false) {
    const { TableDescription } = await ddb.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'group', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
          { IndexName: 'by-group', KeySchema: [{ AttributeName: 'group', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } },
        ],
        ...(withStream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } } : {}),
      }),
    );
    return TableDescription!;
  }
  const ttl = (TableName: string, Enabled: boolean, AttributeName = 'expiresAt') =>
    ddb.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { Enabled, AttributeName } }));
  const describe_ = async (TableName: string) => (await ddb.send(new DescribeTimeToLiveCommand({ TableName }))).TimeToLiveDescription;

  beforeAll(async () => {
    process.env.EMULATOR_DYNAMODB_TTL_SWEEP_MS = '100';
    cloud = await startTestCloud();
    ddb = new DynamoDBClient(cloud.clientConfig);
  });
  afterAll(async () => {
    await cloud.close();
    delete process.env.EMULATOR_DYNAMODB_TTL_SWEEP_MS;
  });

  it('turns TTL on and off with AWS messages for redundant changes', async () => {
    await createTable('Settings');
    expect(await describe_('Settings')).toEqual({ TimeToLiveStatus: 'DISABLED' });
    const enabled = await ttl('Settings', true);
    expect(enabled.TimeToLiveSpecification).toEqual({ Enabled: true, AttributeName: 'expiresAt' });
    expect(await describe_('Settings')).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
    await expect(ttl('Settings', true)).rejects.toMatchObject({ name: 'ValidationException', message: 'TimeToLive is already enabled' });
    await expect(ttl('Settings', true, 'other')).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'TimeToLive is active on a different AttributeName: current AttributeName is expiresAt',
    });
    await ttl('Settings', false);
    expect(await describe_('Settings')).toEqual({ TimeToLiveStatus: 'DISABLED' });
    await expect(ttl('Settings', false)).rejects.toMatchObject({ name: 'ValidationException', message: 'TimeToLive is already disabled' });
    await expect(
      ddb.send(new UpdateTimeToLiveCommand({ TableName: 'Settings', TimeToLiveSpecification: { Enabled: true } as never })),
    ).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('timeToLiveSpecification.attributeName') });
    await expect(ttl('Missing', true)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(describe_('Missing')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('deletes expired items within moments, with REMOVE records from the service', async () => {
    const table = await createTable('Sessions', true);
    await ttl('Sessions', true);
    const now = Math.floor(Date.now() / 1000);
    const put = (pk: string, expiresAt: AttributeValue | undefined) =>
      ddb.send(
        new PutItemCommand({ TableName: 'Sessions', Item: { pk: { S: pk }, group: { S: 'g' }, ...(expiresAt ? { expiresAt } : {}) } }),
      );
    await put('expired', { N: String(now - 10) });
    await put('future', { N: String(now + 3600) });
    await put('no-ttl', undefined);
    await put('text-ttl', { S: String(now - 10) });
    await put('ancient', { N: String(now - 6 * 365 * 24 * 3600) });

    const exists = async (pk: string) => !!(await ddb.send(new GetItemCommand({ TableName: 'Sessions', Key: { pk: { S: pk } } }))).Item;
    for (let i = 0; i < 200 && (await exists('expired')); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await exists('expired')).toBe(false);
    for (const pk of ['future', 'no-ttl', 'text-ttl', 'ancient']) expect(await exists(pk)).toBe(true);
    const byGroup = await ddb.send(
      new QueryCommand({
        TableName: 'Sessions',
        IndexName: 'by-group',
        KeyConditionExpression: '#g = :g',
        ExpressionAttributeNames: { '#g': 'group' },
        ExpressionAttributeValues: { ':g': { S: 'g' } },
      }),
    );
    expect(byGroup.Items?.map((item) => item.pk?.S).sort()).toEqual(['ancient', 'future', 'no-ttl', 'text-ttl']);

    const streams = new DynamoDBStreamsClient(cloud.clientConfig);
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: table.LatestStreamArn }));
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: table.LatestStreamArn,
        ShardId: StreamDescription!.Shards![0]!.ShardId,
        ShardIteratorType: 'TRIM_HORIZON',
      }),
    );
    const { Records } = await streams.send(new GetRecordsCommand({ ShardIterator }));
    const removal = Records!.find((r) => r.eventName === 'REMOVE');
    expect(removal?.userIdentity).toEqual({ PrincipalId: 'dynamodb.amazonaws.com', Type: 'Service' });
    expect(removal?.dynamodb?.OldImage?.pk).toEqual({ S: 'expired' });
    expect(Records!.filter((r) => r.eventName === 'INSERT').every((r) => r.userIdentity === undefined)).toBe(true);
  });
});
