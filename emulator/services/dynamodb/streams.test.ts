import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  type StreamViewType,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';

describe('DynamoDB Streams', () => {
  let cloud: TestCloud;
  let ddb: DynamoDBClient;
  let streams: DynamoDBStreamsClient;

  async function createTable(TableName: string, viewType?: StreamViewType) {
    const { TableDescription } = await ddb.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'N' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        ...(viewType ? { StreamSpecification: { StreamEnabled: true, StreamViewType: viewType } } : {}),
      }),
    );
    return TableDescription!;
  }

  async function iterator(
    StreamArn: string,
    ShardIteratorType: 'TRIM_HORIZON' | 'LATEST' | 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER',
    SequenceNumber?: string,
  ) {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn }));
    const ShardId = StreamDescription!.Shards![0]!.ShardId!;
    const { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn, ShardId, ShardIteratorType, SequenceNumber }));
    return ShardIterator!;
  }

  async function allRecords(StreamArn: string): Promise<StreamRecord[]> {
    const { Records } = await streams.send(new GetRecordsCommand({ ShardIterator: await iterator(StreamArn, 'TRIM_HORIZON') }));
    return Records ?? [];
  }

  /** The records of one put (INSERT), one update (MODIFY) and one delete (REMOVE). */
  async function writeThreeChanges(TableName: string) {
    const Key = { pk: { S: 'a' }, sk: { N: '1' } };
    await ddb.send(new PutItemCommand({ TableName, Item: { ...Key, v: { S: 'one' } } }));
    await ddb.send(
      new UpdateItemCommand({ TableName, Key, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': { S: 'two' } } }),
    );
    await ddb.send(new DeleteItemCommand({ TableName, Key }));
  }

  beforeAll(async () => {
    cloud = await startTestCloud();
    ddb = new DynamoDBClient(cloud.clientConfig);
    streams = new DynamoDBStreamsClient(cloud.clientConfig);
  });
  afterAll(async () => cloud.close());

  it('describes the stream of a table created with one', async () => {
    const table = await createTable('Described', 'NEW_AND_OLD_IMAGES');
    expect(table.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(table.LatestStreamLabel).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
    expect(table.LatestStreamArn).toBe(`arn:aws:dynamodb:us-east-1:000000000000:table/Described/stream/${table.LatestStreamLabel}`);
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName: 'Described' }));
    expect(Table?.LatestStreamArn).toBe(table.LatestStreamArn);

    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: table.LatestStreamArn }));
    expect(StreamDescription).toMatchObject({
      StreamArn: table.LatestStreamArn,
      StreamLabel: table.LatestStreamLabel,
      StreamStatus: 'ENABLED',
      StreamViewType: 'NEW_AND_OLD_IMAGES',
      TableName: 'Described',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    });
    expect(StreamDescription?.CreationRequestDateTime).toBeInstanceOf(Date);
    expect(StreamDescription?.Shards).toHaveLength(1);
    expect(StreamDescription?.Shards?.[0]?.ShardId).toMatch(/^shardId-00000001\d{12}-[0-9a-f]{8}$/);
    expect(StreamDescription?.Shards?.[0]?.SequenceNumberRange?.StartingSequenceNumber).toMatch(/^\d{21}$/);

    const { Streams } = await streams.send(new ListStreamsCommand({ TableName: 'Described' }));
    expect(Streams).toEqual([{ StreamArn: table.LatestStreamArn, TableName: 'Described', StreamLabel: table.LatestStreamLabel }]);
  });

  it.each([
    ['KEYS_ONLY', [{}, {}, {}]],
    [
      'NEW_IMAGE',
      [
        { NewImage: { pk: { S: 'a' }, sk: { N: '1' }, v: { S: 'one' } } },
        { NewImage: { pk: { S: 'a' }, sk: { N: '1' }, v: { S: 'two' } } },
        {},
      ],
    ],
    [
      'OLD_IMAGE',
      [
        {},
        { OldImage: { pk: { S: 'a' }, sk: { N: '1' }, v: { S: 'one' } } },
        { OldImage: { pk: { S: 'a' }, sk: { N: '1' }, v: { S: 'two' } } },
      ],
    ],
    [
      'NEW_AND_OLD_IMAGES',
      [
        { NewImage: { pk: { S: 'a' }, sk: { N: '1' }, v: { S: 'one' } } },
        { OldImage: { pk: { S: 'a' }, sk: { N: '1' }, v: { S: 'one' } }, NewImage: { pk: { S: 'a' }, sk: { N: '1' }, v: { S: 'two' } } },
        { OldImage: { pk: { S: 'a' }, sk: { N: '1' }, v: { S: 'two' } } },
      ],
    ],
  ] as const)('records INSERT, MODIFY and REMOVE in order with %s', async (viewType, images) => {
    const table = await createTable(`View-${viewType}`, viewType);
    await writeThreeChanges(table.TableName!);
    const records = await allRecords(table.LatestStreamArn!);
    expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    records.forEach((record, i) => {
      expect(record).toMatchObject({ eventVersion: '1.1', eventSource: 'aws:dynamodb', awsRegion: 'us-east-1' });
      expect(record.eventID).toMatch(/^[0-9a-f]{32}$/);
      expect(record.userIdentity).toBeUndefined();
      const { ApproximateCreationDateTime, SequenceNumber, SizeBytes, ...rest } = record.dynamodb!;
      expect(rest).toEqual({ Keys: { pk: { S: 'a' }, sk: { N: '1' } }, StreamViewType: viewType, ...images[i] });
      expect(ApproximateCreationDateTime).toBeInstanceOf(Date);
      expect(SizeBytes).toBeGreaterThan(0);
      expect(SequenceNumber).toMatch(/^\d{21}$/);
    });
    const sequence = records.map((r) => r.dynamodb!.SequenceNumber!);
    expect([...sequence].sort()).toEqual(sequence);
    expect(new Set(sequence).size).toBe(3);
  });

  it('records batch writes and transactions, and nothing for a write that changes nothing', async () => {
    const table = await createTable('Paths', 'NEW_IMAGE');
    const TableName = 'Paths';
    await ddb.send(
      new BatchWriteItemCommand({
        RequestItems: {
          Paths: [
            { PutRequest: { Item: { pk: { S: 'b' }, sk: { N: '1' } } } },
            { PutRequest: { Item: { pk: { S: 'b' }, sk: { N: '2' } } } },
          ],
        },
      }),
    );
    await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: 'b' }, sk: { N: '1' } } }));
    await ddb.send(new DeleteItemCommand({ TableName, Key: { pk: { S: 'nothing' }, sk: { N: '0' } } }));
    await ddb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName, Item: { pk: { S: 't' }, sk: { N: '1' } } } },
          {
            Update: {
              TableName,
              Key: { pk: { S: 'b' }, sk: { N: '2' } },
              UpdateExpression: 'SET x = :x',
              ExpressionAttributeValues: { ':x': { N: '1' } },
            },
          },
        ],
      }),
    );
    // A cancelled transaction leaves no record.
    await ddb
      .send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName, Item: { pk: { S: 'never' }, sk: { N: '1' } } } },
            { ConditionCheck: { TableName, Key: { pk: { S: 'b' }, sk: { N: '1' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
          ],
        }),
      )
      .catch(() => undefined);
    const records = (await allRecords(table.LatestStreamArn!)).map((r) => [r.eventName, r.dynamodb?.Keys?.pk?.S, r.dynamodb?.Keys?.sk?.N]);
    // The items of one batch come in no particular order, as on AWS.
    expect(records.slice(0, 2).sort()).toEqual([
      ['INSERT', 'b', '1'],
      ['INSERT', 'b', '2'],
    ]);
    expect(records.slice(2)).toEqual([
      ['INSERT', 't', '1'],
      ['MODIFY', 'b', '2'],
    ]);
  });

  it('hands out iterators of every type', async () => {
    const table = await createTable('Iterators', 'KEYS_ONLY');
    const arn = table.LatestStreamArn!;
    const put = (n: number) => ddb.send(new PutItemCommand({ TableName: 'Iterators', Item: { pk: { S: 'i' }, sk: { N: String(n) } } }));
    await put(1);
    await put(2);
    const latest = await iterator(arn, 'LATEST');
    await put(3);
    const all = await allRecords(arn);
    const seq = all.map((r) => r.dynamodb!.SequenceNumber!);
    const keys = (records: StreamRecord[] | undefined) => (records ?? []).map((r) => r.dynamodb!.Keys!.sk!.N);

    const fromLatest = await streams.send(new GetRecordsCommand({ ShardIterator: latest }));
    expect(keys(fromLatest.Records)).toEqual(['3']);
    const at = await streams.send(new GetRecordsCommand({ ShardIterator: await iterator(arn, 'AT_SEQUENCE_NUMBER', seq[1]) }));
    expect(keys(at.Records)).toEqual(['2', '3']);
    const after = await streams.send(new GetRecordsCommand({ ShardIterator: await iterator(arn, 'AFTER_SEQUENCE_NUMBER', seq[1]) }));
    expect(keys(after.Records)).toEqual(['3']);

    // Paging with Limit, then waiting at the end of an open shard.
    const first = await streams.send(new GetRecordsCommand({ ShardIterator: await iterator(arn, 'TRIM_HORIZON'), Limit: 2 }));
    expect(keys(first.Records)).toEqual(['1', '2']);
    const second = await streams.send(new GetRecordsCommand({ ShardIterator: first.NextShardIterator }));
    expect(keys(second.Records)).toEqual(['3']);
    const empty = await streams.send(new GetRecordsCommand({ ShardIterator: second.NextShardIterator }));
    expect(empty.Records).toEqual([]);
    expect(empty.NextShardIterator).toBeTruthy();
    await put(4);
    const next = await streams.send(new GetRecordsCommand({ ShardIterator: empty.NextShardIterator }));
    expect(keys(next.Records)).toEqual(['4']);

    await expect(
      streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: 'shardId-nope', ShardIteratorType: 'TRIM_HORIZON' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(streams.send(new DescribeStreamCommand({ StreamArn: `${arn}x` }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Requested resource not found: Stream: ${arn}x not found`,
    });
  });

  it('enables and disables a stream with UpdateTable, keeping the old stream readable', async () => {
    await createTable('Toggled');
    await ddb.send(new PutItemCommand({ TableName: 'Toggled', Item: { pk: { S: 'before' }, sk: { N: '0' } } }));
    const enabled = await ddb.send(
      new UpdateTableCommand({ TableName: 'Toggled', StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } }),
    );
    const arn = enabled.TableDescription!.LatestStreamArn!;
    expect(enabled.TableDescription?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
    await expect(
      ddb.send(new UpdateTableCommand({ TableName: 'Toggled', StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } })),
    ).rejects.toMatchObject({ name: 'ValidationException', message: 'Table already has an enabled stream: TableName: Toggled' });

    await ddb.send(new PutItemCommand({ TableName: 'Toggled', Item: { pk: { S: 'during' }, sk: { N: '0' } } }));
    const disabled = await ddb.send(new UpdateTableCommand({ TableName: 'Toggled', StreamSpecification: { StreamEnabled: false } }));
    expect(disabled.TableDescription?.StreamSpecification).toBeUndefined();
    expect(disabled.TableDescription?.LatestStreamArn).toBe(arn);
    await expect(
      ddb.send(new UpdateTableCommand({ TableName: 'Toggled', StreamSpecification: { StreamEnabled: false } })),
    ).rejects.toMatchObject({ name: 'ValidationException', message: 'Table has no stream to disable: TableName: Toggled' });
    await ddb.send(new PutItemCommand({ TableName: 'Toggled', Item: { pk: { S: 'after' }, sk: { N: '0' } } }));

    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: arn }));
    expect(StreamDescription?.StreamStatus).toBe('DISABLED');
    expect(StreamDescription?.Shards?.[0]?.SequenceNumberRange?.EndingSequenceNumber).toMatch(/^\d{21}$/);
    const read = await streams.send(new GetRecordsCommand({ ShardIterator: await iterator(arn, 'TRIM_HORIZON') }));
    expect(read.Records?.map((r) => r.dynamodb?.Keys?.pk?.S)).toEqual(['during']);
    expect(read.NextShardIterator).toBeUndefined();

    const again = await ddb.send(
      new UpdateTableCommand({ TableName: 'Toggled', StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } }),
    );
    expect(again.TableDescription?.LatestStreamArn).not.toBe(arn);
    const { Streams } = await streams.send(new ListStreamsCommand({ TableName: 'Toggled' }));
    expect(Streams?.map((s) => s.StreamArn).sort()).toEqual([arn, again.TableDescription!.LatestStreamArn].sort());
  });

  it('validates StreamSpecification as AWS does', async () => {
    await expect(
      ddb.send(
        new CreateTableCommand({
          TableName: 'NoViewType',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          StreamSpecification: { StreamEnabled: true },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'One or more parameter values were invalid: Table is being created with a stream enabled, UpdateViewType is required',
    });
    await createTable('Plain');
    await expect(
      ddb.send(new UpdateTableCommand({ TableName: 'Plain', StreamSpecification: { StreamEnabled: false, StreamViewType: 'KEYS_ONLY' } })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'One or more parameter values were invalid: If stream is being disabled, then UpdateViewType must not be specified',
    });
  });

  it('closes the stream of a deleted table', async () => {
    const table = await createTable('Deleted', 'KEYS_ONLY');
    await ddb.send(new PutItemCommand({ TableName: 'Deleted', Item: { pk: { S: 'x' }, sk: { N: '1' } } }));
    await ddb.send(new DeleteTableCommand({ TableName: 'Deleted' }));
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: table.LatestStreamArn }));
    expect(StreamDescription?.StreamStatus).toBe('DISABLED');
    expect((await allRecords(table.LatestStreamArn!)).map((r) => r.eventName)).toEqual(['INSERT']);
  });
});
