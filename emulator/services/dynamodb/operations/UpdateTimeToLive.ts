import type { UpdateTimeToLiveCommandInput, UpdateTimeToLiveCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DynamoOperation } from '../context.js';
import { validateRequest } from '../dynalite.js';
import { updateTimeToLive } from '../ttl.js';

export const UpdateTimeToLive: DynamoOperation<UpdateTimeToLiveCommandInput, UpdateTimeToLiveCommandOutput> = (input, { db }) => {
  validateRequest('DescribeTimeToLive', { TableName: input.TableName }, db.store);
  return updateTimeToLive(db, input.TableName!, input.TimeToLiveSpecification);
};
