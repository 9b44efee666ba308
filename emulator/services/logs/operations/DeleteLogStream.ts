import type { DeleteLogStreamCommandInput, DeleteLogStreamCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { LogsOperation } from '../context.js';
import { validateGroupName, validateStreamName } from '../names.js';

export const DeleteLogStream: LogsOperation<DeleteLogStreamCommandInput, DeleteLogStreamCommandOutput> = (input, { logs }) => {
  const group = validateGroupName(input.logGroupName);
  const name = validateStreamName(input.logStreamName);
  logs.requireGroup(group);
  logs.requireStream(group, name);
  logs.deleteStream(group, name);
  return {};
};
