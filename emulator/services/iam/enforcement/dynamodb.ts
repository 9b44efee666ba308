import type { EdgeRequest } from '../../../core/http.js';
import { type AccessMapper, jsonBody, type RequestedAccess, str, targetOperation } from './access.js';

/** Operations whose IAM resource is `*`. */
const ACCOUNT_LEVEL = new Set([
  'ListTables',
  'DescribeLimits',
  'DescribeEndpoints',
  'ListBackups',
  'ListGlobalTables',
  'ListExports',
  'ListImports',
]);
const TRANSACT_WRITE_ACTIONS: Record<string, string> = {
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  ConditionCheck: 'ConditionCheckItem',
};

const tableArn = (req: EdgeRequest, name: string) =>
  name.startsWith('arn:') ? name : `arn:aws:dynamodb:${req.region}:${req.account}:table/${name}`;

/** DynamoDB: the table (or `table/T/index/I` for a Query or Scan of an index) of each item a request touches. */
export const dynamodbAccess: AccessMapper = (req) => {
  const operation = targetOperation(req);
  const body = jsonBody(req);
  const action = (name: string) => `dynamodb:${name}`;
  if (ACCOUNT_LEVEL.has(operation)) return [{ action: action(operation), resource: '*' }];
  if (operation === 'BatchGetItem' || operation === 'BatchWriteItem') {
    const tables = Object.keys((body.RequestItems as Record<string, unknown>) ?? {});
    return tables.map((table) => ({ action: action(operation), resource: tableArn(req, table) }));
  }
  if (operation === 'TransactWriteItems' || operation === 'TransactGetItems') {
    const items = Array.isArray(body.TransactItems) ? (body.TransactItems as Record<string, { TableName?: unknown }>[]) : [];
    const needed: RequestedAccess[] = [];
    for (const item of items) {
      for (const [kind, detail] of Object.entries(item ?? {})) {
        const table = str(detail?.TableName);
        const name = operation === 'TransactGetItems' ? 'GetItem' : TRANSACT_WRITE_ACTIONS[kind];
        if (table && name) needed.push({ action: action(name), resource: tableArn(req, table) });
      }
    }
    return needed;
  }
  const resourceArn = str(body.ResourceArn);
  if (resourceArn) return [{ action: action(operation), resource: resourceArn }];
  const table = str(body.TableName);
  if (!table) return undefined;
  const index = str(body.IndexName);
  const resource =
    index && (operation === 'Query' || operation === 'Scan') ? `${tableArn(req, table)}/index/${index}` : tableArn(req, table);
  return [{ action: action(operation), resource }];
};
