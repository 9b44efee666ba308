import type { PutMetricAlarmCommandInput, PutMetricAlarmCommandOutput } from '@aws-sdk/client-cloudwatch';
import { alarmFromInput, historyConfig, validateAlarmInput } from '../alarm-config.js';
import type { MonitoringOperation } from '../context.js';

export const PutMetricAlarm: MonitoringOperation<PutMetricAlarmCommandInput, PutMetricAlarmCommandOutput> = (input, ctx) => {
  validateAlarmInput(input);
  const existing = ctx.alarms.get(ctx.scope, input.AlarmName!);
  const now = ctx.now();
  const alarm = alarmFromInput(input, ctx.scope, existing, now);
  ctx.alarms.put(ctx.scope, alarm);
  ctx.alarms.appendHistory(ctx.scope, [
    {
      AlarmName: alarm.AlarmName,
      AlarmType: 'MetricAlarm',
      Timestamp: now / 1000,
      HistoryItemType: 'ConfigurationUpdate',
      HistorySummary: `Alarm "${alarm.AlarmName}" ${existing ? 'updated' : 'created'}`,
      HistoryData: JSON.stringify(
        existing
          ? { type: 'Update', version: '1.0', originalAlarm: historyConfig(existing), updatedAlarm: historyConfig(alarm) }
          : { type: 'Create', version: '1.0', createdAlarm: historyConfig(alarm) },
      ),
    },
  ]);
  return {};
};
