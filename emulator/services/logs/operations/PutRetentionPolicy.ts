import type { PutRetentionPolicyCommandInput, PutRetentionPolicyCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { LogsOperation } from '../context.js';
import { invalidMember } from '../errors.js';
import { validateGroupName } from '../names.js';

const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

export const PutRetentionPolicy: LogsOperation<PutRetentionPolicyCommandInput, PutRetentionPolicyCommandOutput> = (input, { logs }) => {
  const name = validateGroupName(input.logGroupName);
  const days = input.retentionInDays;
  if (typeof days !== 'number' || !RETENTION_DAYS.includes(days)) {
    throw invalidMember(
      'retentionInDays',
      days === undefined ? undefined : String(days),
      days === undefined ? 'Member must not be null' : `Member must satisfy enum value set: [${RETENTION_DAYS.join(', ')}]`,
    );
  }
  const group = logs.requireGroup(name);
  logs.putGroup({ ...group, retentionInDays: days });
  return {};
};
