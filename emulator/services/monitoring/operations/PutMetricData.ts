import type { PutMetricDataCommandInput, PutMetricDataCommandOutput } from '@aws-sdk/client-cloudwatch';
import type { MonitoringOperation } from '../context.js';
import { InvalidParameterCombination, InvalidParameterValue } from '../errors.js';
import { dimensionsFrom } from '../metric-id.js';
import type { Sample } from '../metric-store.js';
import { type Aggregate, single } from '../statistics.js';
import { checkDimensions, checkList, checkUnit, finiteNumber, requireParameter } from '../validation.js';
import { fromWireTime, type In } from '../wire.js';

const TWO_WEEKS = 14 * 86_400_000;
const TWO_HOURS = 2 * 3_600_000;

export const PutMetricData: MonitoringOperation<PutMetricDataCommandInput, PutMetricDataCommandOutput> = (input, ctx) => {
  requireParameter('Namespace', input.Namespace);
  const namespace = input.Namespace!;
  if (namespace.startsWith('AWS/')) throw new InvalidParameterValue(`The value ${namespace} for parameter Namespace is invalid.`);
  if (input.EntityMetricData?.length) throw new InvalidParameterValue('EntityMetricData is not supported by the local cloud yet.');
  checkList(input.MetricData);
  requireParameter('MetricData', input.MetricData);
  const data = input.MetricData!;
  if (data.length > 1000) throw new InvalidParameterValue('The collection MetricData must not have a size greater than 1000.');
  const now = ctx.now();
  const samples: Sample[] = [];
  data.forEach((datum, index) => {
    const at = `MetricData.member.${index + 1}`;
    requireParameter(`${at}.MetricName`, datum.MetricName);
    checkDimensions(`${at}.Dimensions`, datum.Dimensions);
    checkUnit(`${at}.Unit`, datum.Unit);
    const timestamp = datum.Timestamp === undefined ? now : fromWireTime(datum.Timestamp);
    if (Number.isNaN(timestamp)) throw new InvalidParameterValue(`The parameter ${at}.Timestamp is invalid.`);
    if (timestamp < now - TWO_WEEKS) {
      throw new InvalidParameterValue(`The parameter ${at}.Timestamp must specify a time within the past two weeks.`);
    }
    if (timestamp > now + TWO_HOURS) {
      throw new InvalidParameterValue(`The parameter ${at}.Timestamp must specify a time no more than two hours in the future.`);
    }
    const resolution = datum.StorageResolution ?? 60;
    if (resolution !== 1 && resolution !== 60) {
      throw new InvalidParameterValue(`The value ${resolution} for parameter ${at}.StorageResolution is invalid.`);
    }
    const aggregates = aggregatesOf(datum, at);
    const id = { namespace, name: datum.MetricName!, dimensions: dimensionsFrom(datum.Dimensions) };
    for (const agg of aggregates) {
      samples.push({ id, unit: datum.Unit ?? 'None', timestamp, agg, highResolution: resolution === 1 });
    }
  });
  ctx.metrics.add(ctx.account, ctx.region, samples);
  return {};
};

function aggregatesOf(datum: NonNullable<In<PutMetricDataCommandInput>['MetricData']>[number], at: string): Aggregate[] {
  const { Value, Values, Counts, StatisticValues } = datum;
  if (Value !== undefined && Values?.length) {
    throw new InvalidParameterCombination(
      `The parameters ${at}.Value and ${at}.Values are mutually exclusive and you have specified both.`,
    );
  }
  if (Value !== undefined && StatisticValues) {
    throw new InvalidParameterCombination(
      `The parameters ${at}.Value and ${at}.StatisticValues are mutually exclusive and you have specified both.`,
    );
  }
  if (StatisticValues) {
    for (const member of ['SampleCount', 'Sum', 'Minimum', 'Maximum'] as const) {
      if (!finiteNumber(StatisticValues[member])) {
        throw new InvalidParameterValue(`The parameter ${at}.StatisticValues.${member} is required and must be a number.`);
      }
    }
    return [[StatisticValues.SampleCount!, StatisticValues.Sum!, StatisticValues.Minimum!, StatisticValues.Maximum!]];
  }
  if (Values?.length) {
    if (Counts?.length && Counts.length !== Values.length) {
      throw new InvalidParameterValue(`The parameters ${at}.Values and ${at}.Counts must be of the same size.`);
    }
    return Values.map((v, i) => {
      if (!finiteNumber(v)) throw new InvalidParameterValue(`The value ${v} for parameter ${at}.Values is invalid.`);
      return single(v, Counts?.[i] ?? 1);
    });
  }
  if (Value === undefined) return [single(0)];
  if (!finiteNumber(Value)) throw new InvalidParameterValue(`The value ${Value} for parameter ${at}.Value is invalid.`);
  return [single(Value)];
}
