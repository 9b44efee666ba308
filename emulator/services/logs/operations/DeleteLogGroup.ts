import type { DeleteLogGroupCommandInput, DeleteLogGroupCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { LogsOperation } from '../context.js';
import { validateGroupName } from '../names.js';

export const DeleteLogGroup: LogsOperation<DeleteLogGroupCommandInput, DeleteLogGroupCommandOutput> = (input, { logs }) => {
  const name = validateGroupName(input.logGroupName);
  logs.requireGroup(name);
  logs.deleteGroup(name);
  return {};
};
