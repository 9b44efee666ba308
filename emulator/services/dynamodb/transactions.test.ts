import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  IdempotentParameterMismatchException,
  PutItemCommand,
  TransactGetItemsCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';

describe('DynamoDB transactions', () => {
  let cloud: TestCloud;
  let ddb: DynamoDBClient;

  async function table(name: string, rangeKey?: string) {
    await ddb.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          ...(rangeKey ? [{ AttributeName: rangeKey, AttributeType: 'S' as const }] : []),
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          ...(rangeKey ? [{ AttributeName: rangeKey, KeyType: 'RANGE' as const }] : []),
        ],
      }),
    );
  }
  const get = async (TableName: string, pk: string) => (await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: pk } } }))).Item;

  beforeAll(async () => {
    cloud = await startTestCloud();
    ddb = new DynamoDBClient(cloud.clientConfig);
    await table('Accounts');
    await table('Ledger');
  });
  afterAll(async () => cloud.close());

  it('applies every action of a successful transaction, across tables', async () => {
    await ddb.send(new PutItemCommand({ TableName: 'Accounts', Item: { pk: { S: 'guard' }, isOpen: { BOOL: true } } }));
    await ddb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Put: {
              TableName: 'Accounts',
              Item: { pk: { S: 'alice' }, balance: { N: '100' } },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: 'Ledger', Item: { pk: { S: 'entry-1' }, amount: { N: '100' } } } },
          {
            ConditionCheck: {
              TableName: 'Accounts',
              Key: { pk: { S: 'guard' } },
              ConditionExpression: 'isOpen = :t',
              ExpressionAttributeValues: { ':t': { BOOL: true } },
            },
          },
        ],
      }),
    );
    expect(await get('Accounts', 'alice')).toEqual({ pk: { S: 'alice' }, balance: { N: '100' } });
    expect(await get('Ledger', 'entry-1')).toEqual({ pk: { S: 'entry-1' }, amount: { N: '100' } });

    await ddb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Update: {
              TableName: 'Accounts',
              Key: { pk: { S: 'alice' } },
              UpdateExpression: 'SET balance = balance - :a',
              ConditionExpression: 'balance >= :a',
              ExpressionAttributeValues: { ':a': { N: '30' } },
            },
          },
          { Delete: { TableName: 'Ledger', Key: { pk: { S: 'entry-1' } } } },
        ],
      }),
    );
    expect((await get('Accounts', 'alice'))?.balance).toEqual({ N: '70' });
    expect(await get('Ledger', 'entry-1')).toBeUndefined();
  });

  it('cancels the whole transaction with one reason per action, in order, as AWS words them', async () => {
    await ddb.send(new PutItemCommand({ TableName: 'Accounts', Item: { pk: { S: 'bob' }, balance: { N: '5' } } }));
    const failure = await ddb
      .send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: 'Ledger', Item: { pk: { S: 'entry-2' } } } },
            {
              Update: {
                TableName: 'Accounts',
                Key: { pk: { S: 'bob' } },
                UpdateExpression: 'SET balance = balance - :a',
                ConditionExpression: 'balance >= :a',
                ExpressionAttributeValues: { ':a': { N: '10' } },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
            { Put: { TableName: 'Accounts', Item: { pk: { S: 'carol' } } } },
            { ConditionCheck: { TableName: 'Accounts', Key: { pk: { S: 'nobody' } }, ConditionExpression: 'attribute_exists(pk)' } },
          ],
        }),
      )
      .catch((err) => err);
    expect(failure).toBeInstanceOf(TransactionCanceledException);
    expect(failure.message).toBe(
      'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, None, ConditionalCheckFailed]',
    );
    expect(failure.CancellationReasons).toEqual([
      { Code: 'None' },
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { pk: { S: 'bob' }, balance: { N: '5' } } },
      { Code: 'None' },
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
    ]);
    expect(await get('Ledger', 'entry-2')).toBeUndefined();
    expect(await get('Accounts', 'carol')).toBeUndefined();
    expect((await get('Accounts', 'bob'))?.balance).toEqual({ N: '5' });
  });

  it('reports a failing update expression as a ValidationError reason', async () => {
    await ddb.send(new PutItemCommand({ TableName: 'Accounts', Item: { pk: { S: 'text' }, balance: { S: 'not a number' } } }));
    const failure = await ddb
      .send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Update: {
                TableName: 'Accounts',
                Key: { pk: { S: 'text' } },
                UpdateExpression: 'SET balance = balance + :one',
                ExpressionAttributeValues: { ':one': { N: '1' } },
              },
            },
          ],
        }),
      )
      .catch((err) => err);
    expect(failure.CancellationReasons).toEqual([
      { Code: 'ValidationError', Message: 'An operand in the update expression has an incorrect data type' },
    ]);
  });

  it('rejects malformed transactions before running anything', async () => {
    await expect(
      ddb.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: 'Accounts', Item: { pk: { S: 'dup' } } } },
            { Delete: { TableName: 'Accounts', Key: { pk: { S: 'dup' } } } },
          ],
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException', message: 'Transaction request cannot include multiple operations on one item' });
    await expect(
      ddb.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: 'Accounts', Item: { pk: { S: 'x' } } }, Delete: { TableName: 'Accounts', Key: { pk: { S: 'y' } } } },
          ],
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException', message: 'TransactItems can only contain one of Check, Put, Update or Delete' });
    await expect(
      ddb.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: 'Missing', Item: { pk: { S: 'x' } } } }] })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(
      ddb.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: 'Accounts', Item: { other: { S: 'x' } } } }] })),
    ).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('Missing the key pk') });
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ Put: { TableName: 'Accounts', Item: { pk: { S: `many-${i}` } } } }));
    await expect(ddb.send(new TransactWriteItemsCommand({ TransactItems: tooMany }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('Member must have length less than or equal to 100'),
    });
    expect(await get('Accounts', 'dup')).toBeUndefined();
  });

  it('is idempotent for a ClientRequestToken, and refuses the token with other parameters', async () => {
    await ddb.send(new PutItemCommand({ TableName: 'Accounts', Item: { pk: { S: 'counter' }, n: { N: '0' } } }));
    const increment = (token: string, by = '1') =>
      new TransactWriteItemsCommand({
        ClientRequestToken: token,
        TransactItems: [
          {
            Update: {
              TableName: 'Accounts',
              Key: { pk: { S: 'counter' } },
              UpdateExpression: 'ADD n :by',
              ExpressionAttributeValues: { ':by': { N: by } },
            },
          },
        ],
      });
    await ddb.send(increment('token-1'));
    await ddb.send(increment('token-1'));
    expect((await get('Accounts', 'counter'))?.n).toEqual({ N: '1' });
    await expect(ddb.send(increment('token-1', '5'))).rejects.toBeInstanceOf(IdempotentParameterMismatchException);
    await ddb.send(increment('token-2'));
    expect((await get('Accounts', 'counter'))?.n).toEqual({ N: '2' });
  });

  it('reads items with TransactGetItems in request order, empty for a missing one', async () => {
    const { Responses } = await ddb.send(
      new TransactGetItemsCommand({
        TransactItems: [
          { Get: { TableName: 'Accounts', Key: { pk: { S: 'bob' } }, ProjectionExpression: 'balance' } },
          { Get: { TableName: 'Accounts', Key: { pk: { S: 'nobody' } } } },
          { Get: { TableName: 'Accounts', Key: { pk: { S: 'alice' } } } },
        ],
      }),
    );
    expect(Responses).toEqual([{ Item: { balance: { N: '5' } } }, {}, { Item: { pk: { S: 'alice' }, balance: { N: '70' } } }]);
  });

  it('isolates transactions from concurrent single writes and readers', async () => {
    const accounts = ['iso-a', 'iso-b', 'iso-c'];
    for (const pk of accounts)
      await ddb.send(new PutItemCommand({ TableName: 'Accounts', Item: { pk: { S: pk }, balance: { N: '1000' } } }));
    const transfer = (from: string, to: string) =>
      ddb
        .send(
          new TransactWriteItemsCommand({
            TransactItems: [
              {
                Update: {
                  TableName: 'Accounts',
                  Key: { pk: { S: from } },
                  UpdateExpression: 'SET balance = balance - :one',
                  ConditionExpression: 'balance >= :one',
                  ExpressionAttributeValues: { ':one': { N: '1' } },
                },
              },
              {
                Update: {
                  TableName: 'Accounts',
                  Key: { pk: { S: to } },
                  UpdateExpression: 'SET balance = balance + :one',
                  ExpressionAttributeValues: { ':one': { N: '1' } },
                },
              },
            ],
          }),
        )
        .catch((err) => {
          if (!(err instanceof TransactionCanceledException)) throw err;
        });
    // Readers must always see the total unchanged; single writes to the same items must never be lost.
    const sums: number[] = [];
    const readTotal = async () => {
      const { Responses } = await ddb.send(
        new TransactGetItemsCommand({ TransactItems: accounts.map((pk) => ({ Get: { TableName: 'Accounts', Key: { pk: { S: pk } } } })) }),
      );
      sums.push(Responses!.reduce((sum, r) => sum + Number(r.Item!.balance!.N), 0));
    };
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i++) {
      work.push(transfer(accounts[i % 3]!, accounts[(i + 1) % 3]!));
      work.push(
        ddb.send(
          new UpdateItemCommand({
            TableName: 'Accounts',
            Key: { pk: { S: accounts[(i + 2) % 3]! } },
            UpdateExpression: 'ADD touched :one',
            ExpressionAttributeValues: { ':one': { N: '1' } },
          }),
        ),
      );
      if (i % 4 === 0) work.push(readTotal());
    }
    await Promise.all(work);
    await readTotal();
    expect(sums.length).toBeGreaterThan(10);
    expect(new Set(sums)).toEqual(new Set([3000]));
    for (const pk of accounts) expect((await get('Accounts', pk))?.touched).toEqual({ N: '20' });
  });
});
