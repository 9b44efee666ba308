import type { GetMetricDataCommandInput, GetMetricDataCommandOutput, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { MonitoringOperation } from '../context.js';
import { InvalidParameterValue, invalidMember } from '../errors.js';
import { dimensionsFrom } from '../metric-id.js';
import { periods } from '../metric-store.js';
import { alignedStart, checkPeriod, checkTimeRange } from '../queries.js';
import { type Aggregate, isStatistic, merge, statistic } from '../statistics.js';
import { checkDimensions, checkList, checkUnit, requireParameter } from '../validation.js';
import { fromWireTime, toEpochSeconds, type Wire } from '../wire.js';

const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;

export const GetMetricData: MonitoringOperation<GetMetricDataCommandInput, GetMetricDataCommandOutput> = (input, ctx) => {
  checkList(input.MetricDataQueries);
  requireParameter('MetricDataQueries', input.MetricDataQueries);
  requireParameter('StartTime', input.StartTime);
  requireParameter('EndTime', input.EndTime);
  const start = fromWireTime(input.StartTime);
  const end = fromWireTime(input.EndTime);
  checkTimeRange(start, end);
  const scanBy = input.ScanBy ?? 'TimestampDescending';
  if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') {
    throw invalidMember('scanBy', scanBy, 'Member must satisfy enum value set: [TimestampDescending, TimestampAscending]');
  }
  const queries = input.MetricDataQueries!;
  if (queries.length > 500) throw new InvalidParameterValue('The collection MetricDataQueries must not have a size greater than 500.');
  const seen = new Set<string>();
  const results: Wire<MetricDataResult>[] = [];
  queries.forEach((query, index) => {
    const at = `MetricDataQueries.member.${index + 1}`;
    requireParameter(`${at}.Id`, query.Id);
    if (!ID_PATTERN.test(query.Id!)) throw new InvalidParameterValue(`The value ${query.Id} for parameter ${at}.Id is invalid.`);
    if (seen.has(query.Id!)) throw new InvalidParameterValue(`The value ${query.Id} for parameter ${at}.Id is not unique.`);
    seen.add(query.Id!);
    if (query.Expression !== undefined) {
      throw new InvalidParameterValue(
        `${at}.Expression: metric math and Metrics Insights queries are not evaluated by the local cloud yet.`,
      );
    }
    const stat = query.MetricStat;
    requireParameter(`${at}.MetricStat`, stat);
    requireParameter(`${at}.MetricStat.Metric.Namespace`, stat!.Metric?.Namespace);
    requireParameter(`${at}.MetricStat.Metric.MetricName`, stat!.Metric?.MetricName);
    checkDimensions(`${at}.MetricStat.Metric.Dimensions`, stat!.Metric?.Dimensions);
    checkUnit(`${at}.MetricStat.Unit`, stat!.Unit);
    const period = checkPeriod(`${at}.MetricStat.Period`, stat!.Period);
    if (!isStatistic(stat!.Stat)) {
      throw new InvalidParameterValue(
        `The value ${stat!.Stat} for parameter ${at}.MetricStat.Stat is not supported by the local cloud (SampleCount, Average, Sum, Minimum, Maximum are).`,
      );
    }
    if (query.ReturnData === false) return;
    const id = {
      namespace: stat!.Metric!.Namespace!,
      name: stat!.Metric!.MetricName!,
      dimensions: dimensionsFrom(stat!.Metric!.Dimensions),
    };
    const first = alignedStart(start, period);
    const grouped = periods(ctx.metrics.slots(ctx.account, ctx.region, id, first, end), first, period * 1000, stat!.Unit);
    const points = [...grouped.entries()].map(([periodStart, byUnit]) => {
      let agg: Aggregate | undefined;
      for (const unitAgg of byUnit.values()) agg = merge(agg, unitAgg);
      return { periodStart, value: statistic(agg!, stat!.Stat as 'Sum') };
    });
    points.sort((a, b) => (scanBy === 'TimestampAscending' ? a.periodStart - b.periodStart : b.periodStart - a.periodStart));
    const limited = input.MaxDatapoints ? points.slice(0, input.MaxDatapoints) : points;
    results.push({
      Id: query.Id,
      Label: query.Label ?? id.name,
      Timestamps: limited.map((p) => toEpochSeconds(p.periodStart)),
      Values: limited.map((p) => p.value),
      StatusCode: 'Complete',
    });
  });
  return { MetricDataResults: results, Messages: [] };
};
