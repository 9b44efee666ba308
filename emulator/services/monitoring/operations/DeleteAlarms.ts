import type { DeleteAlarmsCommandInput, DeleteAlarmsCommandOutput } from '@aws-sdk/client-cloudwatch';
import type { MonitoringOperation } from '../context.js';
import { invalidMember } from '../errors.js';
import { checkList, requireParameter } from '../validation.js';

/** Names that do not exist are skipped, as on AWS. */
export const DeleteAlarms: MonitoringOperation<DeleteAlarmsCommandInput, DeleteAlarmsCommandOutput> = (input, ctx) => {
  checkList(input.AlarmNames);
  requireParameter('AlarmNames', input.AlarmNames);
  if (input.AlarmNames!.length > 100)
    throw invalidMember('alarmNames', input.AlarmNames, 'Member must have length less than or equal to 100');
  for (const name of input.AlarmNames!) {
    const alarm = ctx.alarms.get(ctx.scope, name);
    if (!alarm) continue;
    ctx.alarms.delete(ctx.scope, name);
    ctx.alarms.appendHistory(ctx.scope, [
      {
        AlarmName: name,
        AlarmType: 'MetricAlarm',
        Timestamp: ctx.now() / 1000,
        HistoryItemType: 'ConfigurationUpdate',
        HistorySummary: `Alarm "${name}" deleted`,
        HistoryData: JSON.stringify({ type: 'Delete', version: '1.0' }),
      },
    ]);
  }
  return {};
};
