import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateEventSourceMappingCommand,
  CreateFunctionCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  LambdaClient,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../../test/local-cloud.js';

/** A function that hands each event to the test's sink and fails when the sink says so. */
const SINK_FUNCTION = `
exports.handler = async (event) => {
  const res = await fetch(process.env.SINK_URL, { method: 'POST', body: JSON.stringify(event) });
  const answer = await res.json();
  if (answer.fail) throw new Error('the sink asked for a failure');
  return answer.response ?? null;
};
`;

interface Delivery {
  event: { Records: Array<Record<string, any>> };
  keys: string[];
}

/** Collects the events functions post; `decide` answers each delivery. */
class Sink {
  readonly deliveries: Delivery[] = [];
  decide: (delivery: Delivery, index: number) => { fail?: boolean; response?: unknown } = () => ({});
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const delivery = { event, keys: event.Records.map((r: any) => `${r.dynamodb.Keys.pk.S}:${r.eventName}`) };
        this.deliveries.push(delivery);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(this.decide(delivery, this.deliveries.length - 1)));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  forStream(arn: string): Delivery[] {
    return this.deliveries.filter((d) => d.event.Records[0]?.eventSourceARN === arn);
  }

  async waitFor(arn: string, keys: number): Promise<Delivery[]> {
    for (let i = 0; i < 600; i++) {
      const got = this.forStream(arn);
      if (got.flatMap((d) => d.keys).length >= keys) return got;
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.forStream(arn);
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe('Lambda event source mappings from DynamoDB streams', () => {
  let cloud: TestCloud;
  let ddb: DynamoDBClient;
  let lambda: LambdaClient;
  const sink = new Sink();

  async function streamTable(TableName: string): Promise<string> {
    const { TableDescription } = await ddb.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    return TableDescription!.LatestStreamArn!;
  }
  const put = (TableName: string, pk: string) => ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: pk }, n: { N: '1' } } }));

  beforeAll(async () => {
    await sink.start();
    cloud = await startTestCloud();
    ddb = new DynamoDBClient(cloud.clientConfig);
    lambda = new LambdaClient(cloud.clientConfig);
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'stream-consumer',
        Runtime: 'nodejs20.x',
        Role: 'arn:aws:iam::000000000000:role/lambda-role',
        Handler: 'index.handler',
        Code: { ZipFile: zipSync({ 'index.js': strToU8(SINK_FUNCTION) }) },
        Environment: { Variables: { SINK_URL: sink.url } },
      }),
    );
  });
  afterAll(async () => {
    await cloud.close();
    await sink.close();
  });

  it('delivers batches in order, from the oldest record with TRIM_HORIZON, in the AWS event shape', async () => {
    const arn = await streamTable('Orders');
    for (const pk of ['a', 'b', 'c', 'd', 'e']) await put('Orders', pk);
    const created = await lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'stream-consumer',
        EventSourceArn: arn,
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 2,
      }),
    );
    expect(created).toMatchObject({
      State: 'Creating',
      BatchSize: 2,
      StartingPosition: 'TRIM_HORIZON',
      EventSourceArn: arn,
      FunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:stream-consumer',
      MaximumRetryAttempts: -1,
      MaximumBatchingWindowInSeconds: 0,
      LastProcessingResult: 'No records processed',
      EventSourceMappingArn: `arn:aws:lambda:us-east-1:000000000000:event-source-mapping:${created.UUID}`,
    });
    expect(created.LastModified).toBeInstanceOf(Date);
    await ddb.send(
      new UpdateItemCommand({
        TableName: 'Orders',
        Key: { pk: { S: 'a' } },
        UpdateExpression: 'SET n = :two',
        ExpressionAttributeValues: { ':two': { N: '2' } },
      }),
    );

    const deliveries = await sink.waitFor(arn, 6);
    expect(deliveries.map((d) => d.keys)).toEqual([
      ['a:INSERT', 'b:INSERT'],
      ['c:INSERT', 'd:INSERT'],
      ['e:INSERT', 'a:MODIFY'],
    ]);
    const modify = deliveries[2]!.event.Records[1]!;
    expect(Object.keys(modify)).toEqual(['eventID', 'eventName', 'eventVersion', 'eventSource', 'awsRegion', 'dynamodb', 'eventSourceARN']);
    expect(modify).toMatchObject({
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      eventSourceARN: arn,
    });
    expect(modify.dynamodb).toMatchObject({
      Keys: { pk: { S: 'a' } },
      OldImage: { pk: { S: 'a' }, n: { N: '1' } },
      NewImage: { pk: { S: 'a' }, n: { N: '2' } },
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    expect(typeof modify.dynamodb.ApproximateCreationDateTime).toBe('number');
    expect(modify.dynamodb.SequenceNumber).toMatch(/^\d{21}$/);
    expect(modify.dynamodb.SizeBytes).toBeGreaterThan(0);

    let mapping = await lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }));
    for (let i = 0; i < 100 && mapping.LastProcessingResult !== 'OK'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      mapping = await lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }));
    }
    expect(mapping).toMatchObject({ State: 'Enabled', LastProcessingResult: 'OK' });
  });

  it('starts after the newest record with LATEST', async () => {
    const arn = await streamTable('Latest');
    await put('Latest', 'old');
    await lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'stream-consumer', EventSourceArn: arn, StartingPosition: 'LATEST' }),
    );
    await put('Latest', 'new');
    const deliveries = await sink.waitFor(arn, 1);
    expect(deliveries.flatMap((d) => d.keys)).toEqual(['new:INSERT']);
  });

  it('polls a caught-up stream four times a second: writes in between wait for the next poll, together', async () => {
    const arn = await streamTable('Polled');
    await lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'stream-consumer',
        EventSourceArn: arn,
        StartingPosition: 'LATEST',
        BatchSize: 10,
      }),
    );
    await put('Polled', 'p0');
    await sink.waitFor(arn, 1);
    // Two writes a few milliseconds apart, right after a poll found the stream caught up.
    await put('Polled', 'p1');
    await put('Polled', 'p2');
    const deliveries = await sink.waitFor(arn, 3);
    expect(deliveries.map((d) => d.keys)).toEqual([['p0:INSERT'], ['p1:INSERT', 'p2:INSERT']]);
  });

  it('waits up to MaximumBatchingWindowInSeconds to fill a batch', async () => {
    const arn = await streamTable('Windowed');
    await lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'stream-consumer',
        EventSourceArn: arn,
        StartingPosition: 'LATEST',
        BatchSize: 10,
        MaximumBatchingWindowInSeconds: 2,
      }),
    );
    await put('Windowed', 'w1');
    await put('Windowed', 'w2');
    const deliveries = await sink.waitFor(arn, 2);
    expect(deliveries.map((d) => d.keys)).toEqual([['w1:INSERT', 'w2:INSERT']]);
  });

  it('retries a failing batch until it succeeds, keeping the order', async () => {
    const arn = await streamTable('Retried');
    let failuresLeft = 2;
    sink.decide = (delivery) => (delivery.keys.includes('r2:INSERT') && failuresLeft-- > 0 ? { fail: true } : {});
    await lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'stream-consumer',
        EventSourceArn: arn,
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 1,
      }),
    );
    for (const pk of ['r1', 'r2', 'r3']) await put('Retried', pk);
    const deliveries = await sink.waitFor(arn, 5);
    expect(deliveries.map((d) => d.keys.join())).toEqual(['r1:INSERT', 'r2:INSERT', 'r2:INSERT', 'r2:INSERT', 'r3:INSERT']);
    sink.decide = () => ({});
  });

  it('gives up on a batch after MaximumRetryAttempts', async () => {
    const arn = await streamTable('GivenUp');
    sink.decide = (delivery) => (delivery.keys.includes('g1:INSERT') ? { fail: true } : {});
    await lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'stream-consumer',
        EventSourceArn: arn,
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 1,
        MaximumRetryAttempts: 1,
      }),
    );
    await put('GivenUp', 'g1');
    await put('GivenUp', 'g2');
    const deliveries = await sink.waitFor(arn, 3);
    expect(deliveries.map((d) => d.keys.join())).toEqual(['g1:INSERT', 'g1:INSERT', 'g2:INSERT']);
    sink.decide = () => ({});
  });

  it('retries only the records after the first reported failure with ReportBatchItemFailures', async () => {
    const arn = await streamTable('Partial');
    let reported = false;
    sink.decide = (delivery) => {
      if (reported || delivery.keys.length < 3) return {};
      reported = true;
      return { response: { batchItemFailures: [{ itemIdentifier: delivery.event.Records[1]!.dynamodb.SequenceNumber }] } };
    };
    for (const pk of ['p1', 'p2', 'p3']) await put('Partial', pk);
    await lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'stream-consumer',
        EventSourceArn: arn,
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 3,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      }),
    );
    const deliveries = await sink.waitFor(arn, 5);
    expect(deliveries.map((d) => d.keys.join())).toEqual(['p1:INSERT,p2:INSERT,p3:INSERT', 'p2:INSERT,p3:INSERT']);
    sink.decide = () => ({});
  });

  it('lists, disables, updates and deletes mappings; refuses what AWS refuses', async () => {
    const arn = await streamTable('Managed');
    const { UUID } = await lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'stream-consumer', EventSourceArn: arn, StartingPosition: 'TRIM_HORIZON' }),
    );
    expect((await lambda.send(new GetEventSourceMappingCommand({ UUID }))).BatchSize).toBe(100);
    await expect(
      lambda.send(
        new CreateEventSourceMappingCommand({ FunctionName: 'stream-consumer', EventSourceArn: arn, StartingPosition: 'LATEST' }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceConflictException', message: expect.stringContaining(`UUID ${UUID}`) });
    await expect(
      lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'stream-consumer', EventSourceArn: arn })),
    ).rejects.toMatchObject({ name: 'InvalidParameterValueException' });
    await expect(
      lambda.send(
        new CreateEventSourceMappingCommand({ FunctionName: 'stream-consumer', EventSourceArn: `${arn}0`, StartingPosition: 'LATEST' }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterValueException' });
    await expect(
      lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'missing', EventSourceArn: arn, StartingPosition: 'LATEST' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });

    const listed = await lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: arn }));
    expect(listed.EventSourceMappings?.map((m) => m.UUID)).toEqual([UUID]);
    const byFunction = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'stream-consumer' }));
    expect(byFunction.EventSourceMappings?.map((m) => m.UUID)).toContain(UUID);

    const disabled = await lambda.send(new UpdateEventSourceMappingCommand({ UUID, Enabled: false, BatchSize: 10 }));
    expect(disabled).toMatchObject({ State: 'Updating', BatchSize: 10 });
    expect((await lambda.send(new GetEventSourceMappingCommand({ UUID }))).State).toBe('Disabled');
    await put('Managed', 'while-disabled');
    await lambda.send(new UpdateEventSourceMappingCommand({ UUID, Enabled: true }));
    expect((await sink.waitFor(arn, 1)).flatMap((d) => d.keys)).toEqual(['while-disabled:INSERT']);

    expect((await lambda.send(new DeleteEventSourceMappingCommand({ UUID }))).State).toBe('Deleting');
    await expect(lambda.send(new GetEventSourceMappingCommand({ UUID }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The resource you requested does not exist.',
    });
  });
});
