import type { DescribeAlarmsCommandInput, DescribeAlarmsCommandOutput, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { alarmView } from '../alarm-config.js';
import type { MonitoringOperation } from '../context.js';
import { InvalidParameterCombination, invalidMember } from '../errors.js';
import { page } from '../tokens.js';
import { checkList } from '../validation.js';
import type { Wire } from '../wire.js';

const STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];

export const DescribeAlarms: MonitoringOperation<DescribeAlarmsCommandInput, DescribeAlarmsCommandOutput> = (input, ctx) => {
  checkList(input.AlarmNames);
  checkList(input.AlarmTypes);
  if (input.AlarmNames?.length && input.AlarmNamePrefix !== undefined) {
    throw new InvalidParameterCombination('AlarmNames and AlarmNamePrefix are mutually exclusive.');
  }
  if (input.StateValue !== undefined && !STATES.includes(input.StateValue)) {
    throw invalidMember('stateValue', input.StateValue, `Member must satisfy enum value set: [${STATES.join(', ')}]`);
  }
  const max = input.MaxRecords ?? 50;
  if (max < 1 || max > 100) throw invalidMember('maxRecords', max, 'Member must have value less than or equal to 100');
  const types = input.AlarmTypes ?? ['MetricAlarm'];
  const alarms = types.includes('MetricAlarm')
    ? ctx.alarms
        .list(ctx.scope)
        .filter((a) => !input.AlarmNames?.length || input.AlarmNames.includes(a.AlarmName))
        .filter((a) => input.AlarmNamePrefix === undefined || a.AlarmName.startsWith(input.AlarmNamePrefix))
        .filter((a) => input.StateValue === undefined || a.StateValue === input.StateValue)
        .filter((a) => input.ActionPrefix === undefined || (a.AlarmActions ?? []).some((arn) => arn.startsWith(input.ActionPrefix!)))
    : [];
  const { items, next } = page(alarms, input.NextToken, max);
  return { MetricAlarms: items.map(alarmView) as Wire<MetricAlarm>[], CompositeAlarms: [], NextToken: next };
};
