import type { DescribeAlarmsForMetricCommandInput, DescribeAlarmsForMetricCommandOutput, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { alarmView } from '../alarm-config.js';
import type { MonitoringOperation } from '../context.js';
import { dimensionsFrom, metricKey } from '../metric-id.js';
import { requireParameter } from '../validation.js';
import type { Wire } from '../wire.js';

export const DescribeAlarmsForMetric: MonitoringOperation<DescribeAlarmsForMetricCommandInput, DescribeAlarmsForMetricCommandOutput> = (
  input,
  ctx,
) => {
  requireParameter('MetricName', input.MetricName);
  requireParameter('Namespace', input.Namespace);
  const wanted = metricKey({ namespace: input.Namespace!, name: input.MetricName!, dimensions: dimensionsFrom(input.Dimensions) });
  const alarms = ctx.alarms
    .list(ctx.scope)
    .filter(
      (a) => metricKey({ namespace: a.Namespace ?? '', name: a.MetricName ?? '', dimensions: dimensionsFrom(a.Dimensions) }) === wanted,
    )
    .filter((a) => input.Statistic === undefined || a.Statistic === input.Statistic)
    .filter((a) => input.ExtendedStatistic === undefined || a.ExtendedStatistic === input.ExtendedStatistic)
    .filter((a) => input.Period === undefined || a.Period === input.Period)
    .filter((a) => input.Unit === undefined || a.Unit === input.Unit);
  return { MetricAlarms: alarms.map(alarmView) as Wire<MetricAlarm>[] };
};
