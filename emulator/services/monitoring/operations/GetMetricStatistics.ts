import type { Datapoint, GetMetricStatisticsCommandInput, GetMetricStatisticsCommandOutput } from '@aws-sdk/client-cloudwatch';
import type { MonitoringOperation } from '../context.js';
import { InvalidParameterCombination, InvalidParameterValue, invalidMember } from '../errors.js';
import { dimensionsFrom } from '../metric-id.js';
import { periods } from '../metric-store.js';
import { alignedStart, checkDatapointLimit, checkPeriod, checkTimeRange } from '../queries.js';
import { isStatistic, STATISTICS, statistic } from '../statistics.js';
import { checkDimensions, checkList, checkUnit, requireParameter } from '../validation.js';
import { fromWireTime, toEpochSeconds, type Wire } from '../wire.js';

export const GetMetricStatistics: MonitoringOperation<GetMetricStatisticsCommandInput, GetMetricStatisticsCommandOutput> = (input, ctx) => {
  requireParameter('Namespace', input.Namespace);
  requireParameter('MetricName', input.MetricName);
  requireParameter('StartTime', input.StartTime);
  requireParameter('EndTime', input.EndTime);
  requireParameter('Period', input.Period);
  checkDimensions('Dimensions', input.Dimensions);
  checkUnit('unit', input.Unit);
  checkList(input.Statistics);
  checkList(input.ExtendedStatistics);
  const stats = input.Statistics ?? [];
  if (!stats.length === !input.ExtendedStatistics?.length) {
    throw new InvalidParameterCombination('Must specify either Statistics or ExtendedStatistics, but not both.');
  }
  if (input.ExtendedStatistics?.length) {
    throw new InvalidParameterValue('ExtendedStatistics (percentiles) are not computed by the local cloud yet.');
  }
  stats.forEach((s, i) => {
    if (!isStatistic(s))
      throw invalidMember(`statistics.${i + 1}.member`, s, `Member must satisfy enum value set: [${STATISTICS.join(', ')}]`);
  });
  const period = checkPeriod('Period', input.Period);
  const start = fromWireTime(input.StartTime);
  const end = fromWireTime(input.EndTime);
  checkTimeRange(start, end);
  checkDatapointLimit(start, end, period);

  const id = { namespace: input.Namespace!, name: input.MetricName!, dimensions: dimensionsFrom(input.Dimensions) };
  const first = alignedStart(start, period);
  const slots = ctx.metrics.slots(ctx.account, ctx.region, id, first, end);
  const datapoints: Wire<Datapoint>[] = [];
  for (const [periodStart, byUnit] of periods(slots, first, period * 1000, input.Unit)) {
    for (const [unit, agg] of byUnit) {
      const point: Wire<Datapoint> = { Timestamp: toEpochSeconds(periodStart), Unit: unit as Datapoint['Unit'] };
      for (const s of stats) point[s as 'Sum'] = statistic(agg, s as 'Sum');
      datapoints.push(point);
    }
  }
  return { Label: input.MetricName, Datapoints: datapoints };
};
