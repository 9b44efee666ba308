import type { CreateLogGroupCommandInput, CreateLogGroupCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { LogsOperation } from '../context.js';
import { invalidMember, ResourceAlreadyExistsException } from '../errors.js';
import { validateGroupName } from '../names.js';

const CLASSES = ['STANDARD', 'INFREQUENT_ACCESS', 'DELIVERY'];

export const CreateLogGroup: LogsOperation<CreateLogGroupCommandInput, CreateLogGroupCommandOutput> = (input, { logs }) => {
  const name = validateGroupName(input.logGroupName);
  if (input.logGroupClass !== undefined && !CLASSES.includes(input.logGroupClass)) {
    throw invalidMember('logGroupClass', input.logGroupClass, `Member must satisfy enum value set: [${CLASSES.join(', ')}]`);
  }
  if (logs.group(name)) throw new ResourceAlreadyExistsException('The specified log group already exists');
  logs.putGroup({
    name,
    creationTime: Date.now(),
    logGroupClass: input.logGroupClass ?? 'STANDARD',
    ...(input.kmsKeyId ? { kmsKeyId: input.kmsKeyId } : {}),
    ...(input.tags ? { tags: input.tags } : {}),
  });
  return {};
};
