import type { DescribeStreamCommandInput, DescribeStreamCommandOutput } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoOperation } from '../../context.js';
import { describeStream } from '../stream-api.js';

export const DescribeStream: DynamoOperation<DescribeStreamCommandInput, DescribeStreamCommandOutput> = (input, { db }) =>
  describeStream(db, input);
