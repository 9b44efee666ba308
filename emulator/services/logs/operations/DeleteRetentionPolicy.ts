import type { DeleteRetentionPolicyCommandInput, DeleteRetentionPolicyCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { LogsOperation } from '../context.js';
import { validateGroupName } from '../names.js';

export const DeleteRetentionPolicy: LogsOperation<DeleteRetentionPolicyCommandInput, DeleteRetentionPolicyCommandOutput> = (
  input,
  { logs },
) => {
  const { retentionInDays: _dropped, ...group } = logs.requireGroup(validateGroupName(input.logGroupName));
  logs.putGroup(group);
  return {};
};
