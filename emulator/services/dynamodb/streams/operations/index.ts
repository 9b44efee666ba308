import type { DynamoDBStreams } from '@aws-sdk/client-dynamodb-streams';
import type { Operation } from '../../../../protocols/aws-json.js';
import type { DynamoContext } from '../../context.js';
import { DescribeStream } from './DescribeStream.js';
import { GetRecords } from './GetRecords.js';
import { GetShardIterator } from './GetShardIterator.js';
import { ListStreams } from './ListStreams.js';

export type DynamoDbStreamsOperationName = Exclude<
  Capitalize<keyof DynamoDBStreams>,
  'Config' | 'Destroy' | 'MiddlewareStack' | 'InitConfig' | 'Send'
>;

/** The DynamoDB Streams operations (awsJson1_0, X-Amz-Target DynamoDBStreams_20120810.<Operation>). */
export const STREAMS_OPERATIONS = {
  DescribeStream,
  GetRecords,
  GetShardIterator,
  ListStreams,
} satisfies Record<DynamoDbStreamsOperationName, Operation<any, any, DynamoContext>>;
