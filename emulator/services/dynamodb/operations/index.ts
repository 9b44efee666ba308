import type { DynamoDB } from '@aws-sdk/client-dynamodb';
import type { Operation } from '../../../protocols/aws-json.js';
import type { DynamoContext } from '../context.js';
import { BatchGetItem } from './BatchGetItem.js';
import { BatchWriteItem } from './BatchWriteItem.js';
import { CreateTable } from './CreateTable.js';
import { DeleteItem } from './DeleteItem.js';
import { DeleteTable } from './DeleteTable.js';
import { DescribeTable } from './DescribeTable.js';
import { DescribeTimeToLive } from './DescribeTimeToLive.js';
import { GetItem } from './GetItem.js';
import { ListTables } from './ListTables.js';
import { ListTagsOfResource } from './ListTagsOfResource.js';
import { PutItem } from './PutItem.js';
import { Query } from './Query.js';
import { Scan } from './Scan.js';
import { TagResource } from './TagResource.js';
import { TransactGetItems } from './TransactGetItems.js';
import { TransactWriteItems } from './TransactWriteItems.js';
import { UntagResource } from './UntagResource.js';
import { UpdateItem } from './UpdateItem.js';
import { UpdateTable } from './UpdateTable.js';
import { UpdateTimeToLive } from './UpdateTimeToLive.js';

/** Every DynamoDB operation name, as the SDK spells it. */
export type DynamoDbOperationName = Capitalize<Exclude<keyof DynamoDB, `paginate${string}` | `waitUntil${string}`>>;

/** The DynamoDB operations (awsJson1_0, X-Amz-Target DynamoDB_20120810.<Operation>). */
export const OPERATIONS = {
  BatchGetItem,
  BatchWriteItem,
  CreateTable,
  DeleteItem,
  DeleteTable,
  DescribeTable,
  DescribeTimeToLive,
  GetItem,
  ListTables,
  ListTagsOfResource,
  PutItem,
  Query,
  Scan,
  TagResource,
  TransactGetItems,
  TransactWriteItems,
  UntagResource,
  UpdateItem,
  UpdateTable,
  UpdateTimeToLive,
} satisfies Partial<Record<DynamoDbOperationName, Operation<any, any, DynamoContext>>>;
