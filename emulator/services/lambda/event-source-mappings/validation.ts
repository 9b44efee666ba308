import { InvalidParameterValueException, ValidationException, validationMessage } from '../errors.js';
import type { StartingPosition } from './state.js';

/** A DynamoDB stream ARN: arn:aws:dynamodb:<region>:<account>:table/<table>/stream/<label>. */
const STREAM_ARN = /^arn:aws[a-zA-Z-]*:dynamodb:([a-z0-9-]+):(\d{12}):table\/[a-zA-Z0-9_.-]+\/stream\/.+$/;

export function parseStreamArn(value: unknown): { region: string; account: string; arn: string } {
  if (typeof value !== 'string' || !value)
    throw new ValidationException(validationMessage('eventSourceArn', value, 'Member must not be null'));
  const m = STREAM_ARN.exec(value);
  if (!m) {
    throw new InvalidParameterValueException(
      'The local cloud maps DynamoDB streams to functions; other event sources (SQS, Kinesis, Kafka, MQ, DocumentDB) are not emulated yet.',
    );
  }
  return { region: m[1]!, account: m[2]!, arn: value };
}

export function parseStartingPosition(value: unknown): StartingPosition {
  if (value === undefined || value === null) {
    throw new InvalidParameterValueException('StartingPosition is required for DynamoDB stream event sources.');
  }
  if (value === 'AT_TIMESTAMP') {
    throw new InvalidParameterValueException('Unsupported starting position for DynamoDB stream event sources: AT_TIMESTAMP');
  }
  if (value !== 'TRIM_HORIZON' && value !== 'LATEST') {
    throw new ValidationException(
      validationMessage('startingPosition', value, 'Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_TIMESTAMP]'),
    );
  }
  return value;
}

/** An integer member within its model bounds (the SDK sends numbers; tolerate numeric text). */
export function boundedInteger(member: string, value: unknown, min: number, max: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n))
    throw new ValidationException(validationMessage(member, value, 'Member must be an integer'));
  if (n < min) throw new ValidationException(validationMessage(member, value, `Member must have value greater than or equal to ${min}`));
  if (n > max) throw new ValidationException(validationMessage(member, value, `Member must have value less than or equal to ${max}`));
  return n;
}

/** The settings a mapping of a DynamoDB stream takes at creation and on update. */
export interface MappingSettings {
  batchSize?: number;
  maximumBatchingWindowInSeconds?: number;
  maximumRetryAttempts?: number;
  maximumRecordAgeInSeconds?: number;
  functionResponseTypes?: string[];
  enabled?: boolean;
}

export function parseSettings(input: Record<string, unknown>): MappingSettings {
  const settings: MappingSettings = {
    batchSize: boundedInteger('batchSize', input.BatchSize, 1, 10_000),
    maximumBatchingWindowInSeconds: boundedInteger('maximumBatchingWindowInSeconds', input.MaximumBatchingWindowInSeconds, 0, 300),
    maximumRetryAttempts: boundedInteger('maximumRetryAttempts', input.MaximumRetryAttempts, -1, 10_000),
    maximumRecordAgeInSeconds: boundedInteger('maximumRecordAgeInSeconds', input.MaximumRecordAgeInSeconds, -1, 604_800),
  };
  const age = settings.maximumRecordAgeInSeconds;
  if (age !== undefined && age !== -1 && age < 60) {
    throw new InvalidParameterValueException('MaximumRecordAgeInSeconds must be -1 (infinite) or between 60 and 604800 seconds.');
  }
  if (input.Enabled !== undefined && input.Enabled !== null) {
    if (typeof input.Enabled !== 'boolean')
      throw new ValidationException(validationMessage('enabled', input.Enabled, 'Member must be a boolean'));
    settings.enabled = input.Enabled;
  }
  if (input.FunctionResponseTypes !== undefined && input.FunctionResponseTypes !== null) {
    const types = input.FunctionResponseTypes;
    if (!Array.isArray(types) || types.some((t) => t !== 'ReportBatchItemFailures')) {
      throw new ValidationException(
        validationMessage(
          'functionResponseTypes',
          types,
          'Member must satisfy constraint: [Member must satisfy enum value set: [ReportBatchItemFailures]]',
        ),
      );
    }
    settings.functionResponseTypes = [...new Set(types as string[])];
  }
  for (const member of [
    'FilterCriteria',
    'DestinationConfig',
    'TumblingWindowInSeconds',
    'ParallelizationFactor',
    'BisectBatchOnFunctionError',
  ]) {
    if (!isDefault(member, input[member])) {
      throw new InvalidParameterValueException(`The local cloud does not emulate ${member} of event source mappings yet.`);
    }
  }
  return settings;
}

/** Members the local cloud does not emulate are accepted at their default values only. */
function isDefault(member: string, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (member === 'TumblingWindowInSeconds') return value === 0;
  if (member === 'ParallelizationFactor') return value === 1;
  if (member === 'BisectBatchOnFunctionError') return value === false;
  if (member === 'DestinationConfig') return JSON.stringify(value) === '{}' || JSON.stringify(value) === '{"OnFailure":{}}';
  return false;
}
