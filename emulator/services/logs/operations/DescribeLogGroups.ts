import type { DescribeLogGroupsCommandInput, DescribeLogGroupsCommandOutput, LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import type { LogsOperation } from '../context.js';
import { InvalidParameterException } from '../errors.js';
import type { StoredGroup } from '../log-store.js';
import { groupArn, validateLimit } from '../names.js';
import { decodeToken, encodeToken } from '../tokens.js';

export const DescribeLogGroups: LogsOperation<DescribeLogGroupsCommandInput, DescribeLogGroupsCommandOutput> = (input, ctx) => {
  const limit = validateLimit(input.limit, 50);
  if (input.logGroupNamePrefix !== undefined && input.logGroupNamePattern !== undefined) {
    throw new InvalidParameterException('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
  }
  const prefix = input.logGroupNamePrefix ?? '';
  const pattern = input.logGroupNamePattern?.toLowerCase();
  let groups = ctx.logs
    .groups()
    .filter((g) => g.name.startsWith(prefix) && (!pattern || g.name.toLowerCase().includes(pattern)))
    .filter((g) => !input.logGroupClass || g.logGroupClass === input.logGroupClass);
  if (input.nextToken) {
    const after = decodeToken(input.nextToken, (v): v is string => typeof v === 'string');
    groups = groups.filter((g) => g.name > after);
  }
  const page = groups.slice(0, limit);
  return {
    logGroups: page.map((g) => describeGroup(g, ctx.logs.streams(g.name), ctx.region, ctx.account)),
    ...(groups.length > limit ? { nextToken: encodeToken(page[page.length - 1]!.name) } : {}),
  };
};

export function describeGroup(group: StoredGroup, streams: Array<{ storedBytes: number }>, region: string, account: string): LogGroup {
  const arn = groupArn(region, account, group.name);
  return {
    logGroupName: group.name,
    creationTime: group.creationTime,
    ...(group.retentionInDays ? { retentionInDays: group.retentionInDays } : {}),
    metricFilterCount: 0,
    arn: `${arn}:*`,
    storedBytes: streams.reduce((sum, s) => sum + s.storedBytes, 0),
    ...(group.kmsKeyId ? { kmsKeyId: group.kmsKeyId } : {}),
    logGroupClass: group.logGroupClass as LogGroup['logGroupClass'],
    logGroupArn: arn,
  };
}
