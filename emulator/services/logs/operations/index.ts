import type { CloudWatchLogs } from '@aws-sdk/client-cloudwatch-logs';
import type { Operation } from '../../../protocols/aws-json.js';
import type { LogsContext } from '../context.js';
import { CreateLogGroup } from './CreateLogGroup.js';
import { CreateLogStream } from './CreateLogStream.js';
import { DeleteLogGroup } from './DeleteLogGroup.js';
import { DeleteLogStream } from './DeleteLogStream.js';
import { DeleteRetentionPolicy } from './DeleteRetentionPolicy.js';
import { DescribeLogGroups } from './DescribeLogGroups.js';
import { DescribeLogStreams } from './DescribeLogStreams.js';
import { FilterLogEvents } from './FilterLogEvents.js';
import { GetLogEvents } from './GetLogEvents.js';
import { PutLogEvents } from './PutLogEvents.js';
import { PutRetentionPolicy } from './PutRetentionPolicy.js';

/** Every CloudWatch Logs operation name, as the SDK spells it. */
export type LogsOperationName = Capitalize<Exclude<keyof CloudWatchLogs, `paginate${string}` | `waitUntil${string}`>>;

export const OPERATIONS = {
  CreateLogGroup,
  CreateLogStream,
  DeleteLogGroup,
  DeleteLogStream,
  DeleteRetentionPolicy,
  DescribeLogGroups,
  DescribeLogStreams,
  FilterLogEvents,
  GetLogEvents,
  PutLogEvents,
  PutRetentionPolicy,
} satisfies Partial<Record<LogsOperationName, Operation<any, any, LogsContext>>>;
