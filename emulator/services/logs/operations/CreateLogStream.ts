import type { CreateLogStreamCommandInput, CreateLogStreamCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { LogsOperation } from '../context.js';
import { ResourceAlreadyExistsException } from '../errors.js';
import { validateGroupName, validateStreamName } from '../names.js';

export const CreateLogStream: LogsOperation<CreateLogStreamCommandInput, CreateLogStreamCommandOutput> = (input, { logs }) => {
  const group = validateGroupName(input.logGroupName);
  const name = validateStreamName(input.logStreamName);
  logs.requireGroup(group);
  if (logs.stream(group, name)) throw new ResourceAlreadyExistsException('The specified log stream already exists');
  logs.putStream(group, logs.newStream(name));
  return {};
};
