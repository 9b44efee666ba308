import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';

// Parses are kept per expression: a repeated expression must still see each request's own values.
describe('DynamoDB expressions repeated with other values', () => {
  let cloud: TestCloud;
  let ddb: DynamoDBClient;
  const TableName = 'Expression-Cache';
  beforeAll(async () => {
    cloud = await startTestCloud();
    ddb = new DynamoDBClient(cloud.clientConfig);
    await ddb.send(
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
      }),
    );
    for (const pk of ['a', 'b']) {
      for (let sk = 1; sk <= 5; sk++) {
        await ddb.send(new PutItemCommand({ TableName, Item: { pk: { S: pk }, sk: { N: String(sk) }, v: { N: '0' } } }));
      }
    }
  });
  afterAll(async () => cloud.close());

  const query = (pk: string, low: string, high: string) =>
    ddb.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :low AND :high',
        ExpressionAttributeValues: { ':pk': { S: pk }, ':low': { N: low }, ':high': { N: high } },
      }),
    );

  it('key conditions use the values of each request', async () => {
    expect((await query('a', '2', '4')).Items?.map((i) => i.sk?.N)).toEqual(['2', '3', '4']);
    expect((await query('b', '1', '2')).Items?.map((i) => i.sk?.N)).toEqual(['1', '2']);
    expect((await query('a', '5', '5')).Items?.map((i) => i.sk?.N)).toEqual(['5']);
  });

  it('a value that makes the same expression invalid is refused every time', async () => {
    await expect(query('a', '4', '2')).rejects.toThrow(/BETWEEN operator requires upper bound to be greater than or equal to lower bound/);
    expect((await query('a', '2', '4')).Count).toBe(3);
    await expect(query('a', '4', '2')).rejects.toThrow(/BETWEEN operator requires upper bound/);
  });

  it('conditions and updates use the values of each request', async () => {
    const bump = (sk: string, expected: string, next: string) =>
      ddb.send(
        new UpdateItemCommand({
          TableName,
          Key: { pk: { S: 'a' }, sk: { N: sk } },
          UpdateExpression: 'SET v = :next',
          ConditionExpression: 'v = :expected',
          ExpressionAttributeValues: { ':expected': { N: expected }, ':next': { N: next } },
        }),
      );
    await bump('1', '0', '1');
    await bump('1', '1', '2');
    await expect(bump('1', '1', '3')).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    await bump('2', '0', '7');
    const v = async (sk: string) => (await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'a' }, sk: { N: sk } } }))).Item?.v?.N;
    expect(await v('1')).toBe('2');
    expect(await v('2')).toBe('7');
  });

  it('a value of another type gets the type error, then the right type works again', async () => {
    const add = (value: Record<string, string>) =>
      ddb.send(
        new UpdateItemCommand({
          TableName,
          Key: { pk: { S: 'b' }, sk: { N: '1' } },
          UpdateExpression: 'SET v = v + :n',
          ExpressionAttributeValues: { ':n': value as never },
        }),
      );
    await add({ N: '5' });
    await expect(add({ S: 'five' })).rejects.toThrow(
      /Incorrect operand type for operator or function; operator or function: \+, operand type: S/,
    );
    await add({ N: '5' });
    const item = await ddb.send(new GetItemCommand({ TableName, Key: { pk: { S: 'b' }, sk: { N: '1' } } }));
    expect(item.Item?.v?.N).toBe('10');
  });

  it('unused names and values are still reported when the expression was seen before', async () => {
    const put = (values: Record<string, { S: string }>) =>
      ddb.send(
        new PutItemCommand({
          TableName,
          Item: { pk: { S: 'c' }, sk: { N: '1' } },
          ConditionExpression: 'attribute_not_exists(pk) OR pk = :p',
          ExpressionAttributeValues: values,
        }),
      );
    await put({ ':p': { S: 'c' } });
    await put({ ':p': { S: 'c' } });
    await expect(put({ ':p': { S: 'c' }, ':extra': { S: 'x' } })).rejects.toThrow(
      /Value provided in ExpressionAttributeValues unused in expressions: keys: \{:extra\}/,
    );
    await expect(put({})).rejects.toThrow(/ExpressionAttributeValues must not be empty/);
  });

  it('syntax errors stay errors', async () => {
    const bad = () =>
      ddb.send(new QueryCommand({ TableName, KeyConditionExpression: 'pk = = :pk', ExpressionAttributeValues: { ':pk': { S: 'a' } } }));
    await expect(bad()).rejects.toThrow(/Invalid KeyConditionExpression: Syntax error/);
    await expect(bad()).rejects.toThrow(/Invalid KeyConditionExpression: Syntax error/);
  });
});
