import type { DescribeTimeToLiveCommandInput, DescribeTimeToLiveCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';
import { validateRequest } from '../dynalite.js';
import { describeTimeToLive } from '../ttl.js';

export const DescribeTimeToLive: DynamoOperation<DescribeTimeToLiveCommandInput, DescribeTimeToLiveCommandOutput> = (input, { db }) => {
  const { TableName } = validateRequest('DescribeTimeToLive', input, db.store);
  return describeTimeToLive(db, TableName);
};
