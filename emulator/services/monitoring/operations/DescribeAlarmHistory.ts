import type { DescribeAlarmHistoryCommandInput, DescribeAlarmHistoryCommandOutput } from '@aws-sdk/client-cloudwatch';
import type { MonitoringOperation } from '../context.js';
import { InvalidParameterValue, invalidMember } from '../errors.js';
import { page } from '../tokens.js';
import { fromWireTime } from '../wire.js';

const ITEM_TYPES = ['ConfigurationUpdate', 'StateUpdate', 'Action', 'AlarmContributorStateUpdate', 'AlarmContributorAction'];

export const DescribeAlarmHistory: MonitoringOperation<DescribeAlarmHistoryCommandInput, DescribeAlarmHistoryCommandOutput> = (
  input,
  ctx,
) => {
  if (input.HistoryItemType !== undefined && !ITEM_TYPES.includes(input.HistoryItemType)) {
    throw invalidMember('historyItemType', input.HistoryItemType, `Member must satisfy enum value set: [${ITEM_TYPES.join(', ')}]`);
  }
  const max = input.MaxRecords ?? 100;
  if (max < 1 || max > 100) throw invalidMember('maxRecords', max, 'Member must have value less than or equal to 100');
  const start = input.StartDate === undefined ? undefined : fromWireTime(input.StartDate) / 1000;
  const end = input.EndDate === undefined ? undefined : fromWireTime(input.EndDate) / 1000;
  if (start !== undefined && end !== undefined && start > end) {
    throw new InvalidParameterValue('The parameter StartDate must be less than or equal to the parameter EndDate.');
  }
  const types = input.AlarmTypes ?? ['MetricAlarm', 'CompositeAlarm'];
  const ascending = input.ScanBy === 'TimestampAscending';
  const items = ctx.alarms
    .history(ctx.scope, input.AlarmName)
    .filter((i) => types.includes(i.AlarmType ?? 'MetricAlarm'))
    .filter((i) => input.HistoryItemType === undefined || i.HistoryItemType === input.HistoryItemType)
    .filter((i) => (start === undefined || i.Timestamp >= start) && (end === undefined || i.Timestamp <= end))
    .map((item, order) => ({ item, order }))
    .sort((a, b) => (ascending ? 1 : -1) * (a.item.Timestamp - b.item.Timestamp || a.order - b.order))
    .map(({ item }) => item);
  const { items: shown, next } = page(items, input.NextToken, max);
  return { AlarmHistoryItems: shown, NextToken: next };
};
