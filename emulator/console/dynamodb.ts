import type {
  AttributeValue,
  DescribeTableCommandOutput,
  KeySchemaElement,
  ListTablesCommandOutput,
  QueryCommandOutput,
  ScanCommandOutput,
  TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { Endpoint } from './endpoint.js';
import { BadRequest, encodeCursor, type Params } from './params.js';
import type { ServiceCalls } from './service-calls.js';

const SERVICE = 'dynamodb';
const target = (operation: string) => `DynamoDB_20120810.${operation}`;

/** Sort key conditions of a Query's KeyConditionExpression. */
export const SORT_KEY_CONDITIONS = ['=', '<', '<=', '>', '>=', 'begins_with', 'between'] as const;
type SortKeyCondition = (typeof SORT_KEY_CONDITIONS)[number];

async function tableNames(calls: ServiceCalls): Promise<string[]> {
  const names: string[] = [];
  let start: string | undefined;
  do {
    const page = await calls.json<ListTablesCommandOutput>(SERVICE, target('ListTables'), { ExclusiveStartTableName: start });
    names.push(...(page.TableNames ?? []));
    start = page.LastEvaluatedTableName;
  } while (start);
  return names;
}

async function describeTable(calls: ServiceCalls, name: string): Promise<TableDescription> {
  const { Table } = await calls.json<DescribeTableCommandOutput>(SERVICE, target('DescribeTable'), { TableName: name });
  return Table!;
}

function summary(table: TableDescription) {
  return {
    name: table.TableName,
    status: table.TableStatus,
    itemCount: table.ItemCount,
    sizeBytes: table.TableSizeBytes,
    keySchema: table.KeySchema,
    billingMode: table.BillingModeSummary?.BillingMode ?? 'PROVISIONED',
    indexes: [
      ...(table.GlobalSecondaryIndexes ?? []).map((i) => ({ name: i.IndexName, kind: 'global', keySchema: i.KeySchema })),
      ...(table.LocalSecondaryIndexes ?? []).map((i) => ({ name: i.IndexName, kind: 'local', keySchema: i.KeySchema })),
    ],
    stream: table.StreamSpecification?.StreamEnabled ? table.StreamSpecification.StreamViewType : undefined,
  };
}

export const tables: Endpoint = async ({ calls }) => {
  const names = await tableNames(calls);
  return { tables: await Promise.all(names.map(async (name) => summary(await describeTable(calls, name)))) };
};

/** A table's description, its TTL setting and a page of a Scan. */
export const table: Endpoint = async ({ calls, params }) => {
  const name = params.required('name', 255);
  const limit = params.integer('limit', 25, 1, 200);
  const description = await describeTable(calls, name);
  const ttl = await calls.json<{ TimeToLiveDescription?: unknown }>(SERVICE, target('DescribeTimeToLive'), { TableName: name });
  const scan = await calls.json<ScanCommandOutput>(SERVICE, target('Scan'), {
    TableName: name,
    Limit: limit,
    ExclusiveStartKey: params.cursor<Record<string, AttributeValue>>('next'),
  });
  return {
    table: summary(description),
    attributeDefinitions: description.AttributeDefinitions,
    timeToLive: ttl.TimeToLiveDescription,
    items: scan.Items ?? [],
    next: encodeCursor(scan.LastEvaluatedKey),
  };
};

/** The table's (or index's) key attributes with their types. */
function keysOf(description: TableDescription, indexName: string | undefined) {
  let schema: KeySchemaElement[] | undefined = description.KeySchema;
  if (indexName) {
    const index = [...(description.GlobalSecondaryIndexes ?? []), ...(description.LocalSecondaryIndexes ?? [])].find(
      (i) => i.IndexName === indexName,
    );
    if (!index) throw new BadRequest(`The table ${description.TableName} has no index ${indexName}.`);
    schema = index.KeySchema;
  }
  const typeOf = (name: string) => description.AttributeDefinitions?.find((d) => d.AttributeName === name)?.AttributeType ?? 'S';
  const partition = schema?.find((k) => k.KeyType === 'HASH')?.AttributeName;
  const sort = schema?.find((k) => k.KeyType === 'RANGE')?.AttributeName;
  return {
    partition: { name: partition!, type: typeOf(partition!) },
    sort: sort ? { name: sort, type: typeOf(sort) } : undefined,
  };
}

/** A key's AttributeValue as it travels in JSON (binary as base64). */
export type WireKeyValue = { S: string } | { N: string } | { B: string };

/** A value typed in the query box as the AttributeValue of a key of type S, N or B (base64). */
export function keyValue(text: string, type: string, what: string): WireKeyValue {
  if (type === 'N') {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text.trim()))
      throw new BadRequest(`${what} must be a number, not ${JSON.stringify(text)}.`);
    return { N: text.trim() };
  }
  if (type === 'B') {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new BadRequest(`${what} must be base64 (a binary key), not ${JSON.stringify(text)}.`);
    return { B: text };
  }
  return { S: text };
}

/** The Query a query box asks for: partition key value and an optional sort key condition. */
export function queryInput(description: TableDescription, params: Params) {
  const indexName = params.optional('index', 255);
  const keys = keysOf(description, indexName);
  const names: Record<string, string> = { '#pk': keys.partition.name };
  const values: Record<string, WireKeyValue> = {
    ':pk': keyValue(params.required('pk'), keys.partition.type, `The partition key ${keys.partition.name}`),
  };
  let expression = '#pk = :pk';
  const condition = params.oneOf<SortKeyCondition | 'none'>('skOp', [...SORT_KEY_CONDITIONS, 'none'], 'none');
  if (condition !== 'none') {
    if (!keys.sort) throw new BadRequest(`${indexName ? `The index ${indexName}` : `The table ${description.TableName}`} has no sort key.`);
    const what = `The sort key ${keys.sort.name}`;
    names['#sk'] = keys.sort.name;
    values[':sk'] = keyValue(params.required('sk'), keys.sort.type, what);
    if (condition === 'between') {
      values[':sk2'] = keyValue(params.required('sk2'), keys.sort.type, what);
      expression += ' AND #sk BETWEEN :sk AND :sk2';
    } else if (condition === 'begins_with') {
      expression += ' AND begins_with(#sk, :sk)';
    } else {
      expression += ` AND #sk ${condition} :sk`;
    }
  }
  return {
    TableName: description.TableName,
    ...(indexName ? { IndexName: indexName } : {}),
    KeyConditionExpression: expression,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: params.oneOf('order', ['asc', 'desc'], 'asc') === 'asc',
    Limit: params.integer('limit', 50, 1, 500),
    ExclusiveStartKey: params.cursor<Record<string, AttributeValue>>('next'),
  };
}

/** The query box: a Query on the table or one of its indexes. */
export const query: Endpoint = async ({ calls, params }) => {
  const description = await describeTable(calls, params.required('table', 255));
  const input = queryInput(description, params);
  const result = await calls.json<QueryCommandOutput>(SERVICE, target('Query'), input);
  return {
    keyConditionExpression: input.KeyConditionExpression,
    items: result.Items ?? [],
    count: result.Count,
    scannedCount: result.ScannedCount,
    next: encodeCursor(result.LastEvaluatedKey),
  };
};

/** Action: deletes every item of a table (Scan for the keys, BatchWriteItem deletes 25 at a time). */
export const purge: Endpoint = async ({ calls, params }) => {
  const name = params.required('table', 255);
  const description = await describeTable(calls, name);
  const keyNames = (description.KeySchema ?? []).map((k) => k.AttributeName!);
  const names = Object.fromEntries(keyNames.map((n, i) => [`#k${i}`, n]));
  let deleted = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await calls.json<ScanCommandOutput>(SERVICE, target('Scan'), {
      TableName: name,
      ProjectionExpression: Object.keys(names).join(', '),
      ExpressionAttributeNames: names,
      ExclusiveStartKey: start,
    });
    const keys = page.Items ?? [];
    for (let i = 0; i < keys.length; i += 25) {
      let requests: unknown[] = keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
      for (let attempt = 0; requests.length && attempt < 10; attempt++) {
        const result = await calls.json<{ UnprocessedItems?: Record<string, unknown[]> }>(SERVICE, target('BatchWriteItem'), {
          RequestItems: { [name]: requests },
        });
        const left = result.UnprocessedItems?.[name] ?? [];
        deleted += requests.length - left.length;
        requests = left;
      }
      if (requests.length) throw new Error(`${requests.length} deletes of ${name} stayed unprocessed.`);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { table: name, deleted };
};
