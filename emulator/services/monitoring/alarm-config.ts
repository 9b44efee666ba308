import type { PutMetricAlarmCommandInput } from '@aws-sdk/client-cloudwatch';
import type { AlarmRecord } from './alarm-store.js';
import { InvalidParameterCombination, InvalidParameterValue, invalidMember, ValidationError } from './errors.js';
import { isStatistic, STATISTICS } from './statistics.js';
import { checkDimensions, checkList, checkUnit, requireParameter } from './validation.js';
import type { In } from './wire.js';

const COMPARISON_OPERATORS = [
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
  'LessThanLowerOrGreaterThanUpperThreshold',
  'LessThanLowerThreshold',
  'GreaterThanUpperThreshold',
];
const TREAT_MISSING = ['breaching', 'notBreaching', 'ignore', 'missing'];

/** Checks a PutMetricAlarm request the way CloudWatch does before it stores anything. */
export function validateAlarmInput(input: In<PutMetricAlarmCommandInput>): void {
  for (const list of [input.Metrics, input.OKActions, input.AlarmActions, input.InsufficientDataActions, input.Tags]) checkList(list);
  requireParameter('AlarmName', input.AlarmName);
  if (input.AlarmName!.length > 255) throw invalidMember('alarmName', input.AlarmName, 'Member must have length less than or equal to 255');
  if (typeof input.EvaluationPeriods !== 'number' || input.EvaluationPeriods < 1) {
    throw invalidMember('evaluationPeriods', input.EvaluationPeriods, 'Member must have value greater than or equal to 1');
  }
  if (!COMPARISON_OPERATORS.includes(input.ComparisonOperator as string)) {
    throw invalidMember(
      'comparisonOperator',
      input.ComparisonOperator,
      `Member must satisfy enum value set: [${COMPARISON_OPERATORS.join(', ')}]`,
    );
  }
  if (input.TreatMissingData !== undefined && !TREAT_MISSING.includes(input.TreatMissingData)) {
    throw new ValidationError(
      `The value ${input.TreatMissingData} is not supported for TreatMissingData parameter. Supported values are [${TREAT_MISSING.join(', ')}].`,
    );
  }
  if (input.DatapointsToAlarm !== undefined && (input.DatapointsToAlarm < 1 || input.DatapointsToAlarm > input.EvaluationPeriods)) {
    throw new ValidationError('DatapointsToAlarm must be greater than 0 and less than or equal to EvaluationPeriods.');
  }
  if (input.Metrics?.length) {
    if (input.MetricName !== undefined || input.Namespace !== undefined || input.Statistic !== undefined || input.Period !== undefined) {
      throw new InvalidParameterCombination('MetricName, Namespace, Statistic and Period cannot be specified together with Metrics.');
    }
    return;
  }
  requireParameter('MetricName', input.MetricName);
  requireParameter('Namespace', input.Namespace);
  requireParameter('Period', input.Period);
  checkDimensions('Dimensions', input.Dimensions, 30);
  checkUnit('unit', input.Unit);
  const period = input.Period!;
  if (!Number.isInteger(period) || period < 10 || (period !== 10 && period !== 30 && period % 60 !== 0)) {
    throw new InvalidParameterValue('The parameter Period must be 10, 30, or a multiple of 60.');
  }
  if ((input.Statistic === undefined) === (input.ExtendedStatistic === undefined)) {
    throw new InvalidParameterCombination('Exactly one of Statistic and ExtendedStatistic must be specified.');
  }
  if (input.Statistic !== undefined && !isStatistic(input.Statistic)) {
    throw invalidMember('statistic', input.Statistic, `Member must satisfy enum value set: [${STATISTICS.join(', ')}]`);
  }
  if (input.ExtendedStatistic !== undefined && !/^(p|tm|tc|ts|wm|IQM|PR)/.test(input.ExtendedStatistic)) {
    throw new InvalidParameterValue(`The value ${input.ExtendedStatistic} for parameter ExtendedStatistic is not supported.`);
  }
  if (input.ThresholdMetricId === undefined && typeof input.Threshold !== 'number') {
    throw new ValidationError('Threshold must be specified unless ThresholdMetricId is.');
  }
}

/** The stored alarm for a validated request; state and tags carry over from the alarm it replaces. */
export function alarmFromInput(
  input: In<PutMetricAlarmCommandInput>,
  scope: { account: string; region: string },
  existing: AlarmRecord | undefined,
  now: number,
): AlarmRecord {
  const seconds = now / 1000;
  return {
    AlarmName: input.AlarmName!,
    AlarmArn: `arn:aws:cloudwatch:${scope.region}:${scope.account}:alarm:${input.AlarmName}`,
    AlarmDescription: input.AlarmDescription,
    AlarmConfigurationUpdatedTimestamp: seconds,
    ActionsEnabled: input.ActionsEnabled ?? true,
    OKActions: input.OKActions ?? [],
    AlarmActions: input.AlarmActions ?? [],
    InsufficientDataActions: input.InsufficientDataActions ?? [],
    StateValue: existing?.StateValue ?? 'INSUFFICIENT_DATA',
    StateReason: existing?.StateReason ?? 'Unchecked: Initial alarm creation',
    StateReasonData: existing?.StateReasonData,
    StateUpdatedTimestamp: existing?.StateUpdatedTimestamp ?? seconds,
    StateTransitionedTimestamp: existing?.StateTransitionedTimestamp ?? seconds,
    MetricName: input.MetricName,
    Namespace: input.Namespace,
    Statistic: input.Statistic,
    ExtendedStatistic: input.ExtendedStatistic,
    Dimensions: input.Dimensions ?? [],
    Period: input.Period,
    Unit: input.Unit,
    EvaluationPeriods: input.EvaluationPeriods,
    DatapointsToAlarm: input.DatapointsToAlarm,
    Threshold: input.Threshold,
    ComparisonOperator: input.ComparisonOperator,
    TreatMissingData: input.TreatMissingData,
    EvaluateLowSampleCountPercentile: input.EvaluateLowSampleCountPercentile,
    Metrics: input.Metrics,
    ThresholdMetricId: input.ThresholdMetricId,
    Tags: existing ? existing.Tags : input.Tags,
  };
}

/** An alarm as DescribeAlarms shows it (tags are only listed by ListTagsForResource). */
export function alarmView(alarm: AlarmRecord): Omit<AlarmRecord, 'Tags'> {
  const { Tags: _tags, ...view } = alarm;
  return view;
}

/** The alarm's configuration in a ConfigurationUpdate history item, keys in lower camel case as AWS writes them. */
export function historyConfig(alarm: AlarmRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(alarmView(alarm))) {
    if (value === undefined || key.startsWith('State')) continue;
    out[key[0]!.toLowerCase() + key.slice(1)] = value;
  }
  return out;
}
