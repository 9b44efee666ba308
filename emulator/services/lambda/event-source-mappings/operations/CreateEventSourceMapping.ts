import { randomUUID } from 'node:crypto';
import type { CreateEventSourceMappingCommandInput } from '@aws-sdk/client-lambda';
import type { LambdaContext } from '../../context.js';
import { InvalidParameterValueException, ResourceConflictException } from '../../errors.js';
import { type MappingOutput, toConfiguration } from '../configuration.js';
import type { MappingRecord } from '../state.js';
import { parseSettings, parseStartingPosition, parseStreamArn } from '../validation.js';

/** What Lambda checks the execution role may do on the stream before it maps it (with IAM enforced). */
const STREAM_READ_ACTIONS = ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams'];

/** A mapping from a DynamoDB stream: its poller starts at once (State reads "Creating" in this answer, as on AWS). */
export async function CreateEventSourceMapping(input: CreateEventSourceMappingCommandInput, ctx: LambdaContext): Promise<MappingOutput> {
  const target = ctx.runner.target(ctx.account, ctx.region, input.FunctionName);
  const stream = parseStreamArn(input.EventSourceArn);
  const startingPosition = parseStartingPosition(input.StartingPosition);
  const settings = parseSettings(input as unknown as Record<string, unknown>);
  const { eventSourceMappings } = ctx;
  const source = eventSourceMappings.streams();
  const info =
    stream.account === ctx.account && stream.region === ctx.region
      ? await source?.streamInfo(ctx.account, ctx.region, stream.arn)
      : undefined;
  if (!info) throw new InvalidParameterValueException(`Stream not found: ${stream.arn}`);
  if (ctx.iam?.roleLacks(ctx.account, target.config.role, STREAM_READ_ACTIONS, stream.arn)) {
    throw new InvalidParameterValueException(
      `Cannot access stream ${stream.arn}. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream in IAM.`,
    );
  }
  const existing = eventSourceMappings.mappings
    .list(ctx.account, ctx.region)
    .find((m) => m.eventSourceArn === stream.arn && m.functionArn === target.invokedArn);
  if (existing) {
    throw new ResourceConflictException(
      `The event source arn (" ${stream.arn} ") and function (" ${target.fn.name} ") provided mapping already exists. Please update or delete the existing mapping with UUID ${existing.uuid}`,
    );
  }
  const mapping: MappingRecord = {
    uuid: randomUUID(),
    account: ctx.account,
    region: ctx.region,
    eventSourceArn: stream.arn,
    functionArn: target.invokedArn,
    batchSize: settings.batchSize ?? 100,
    startingPosition,
    maximumBatchingWindowInSeconds: settings.maximumBatchingWindowInSeconds ?? 0,
    enabled: settings.enabled ?? true,
    maximumRetryAttempts: settings.maximumRetryAttempts ?? -1,
    maximumRecordAgeInSeconds: settings.maximumRecordAgeInSeconds ?? -1,
    functionResponseTypes: settings.functionResponseTypes ?? [],
    lastModified: Date.now(),
    lastProcessingResult: 'No records processed',
    stateTransitionReason: 'User action',
    ...(startingPosition === 'LATEST' ? { checkpoint: info.lastSequenceNumber } : {}),
  };
  eventSourceMappings.mappings.put(mapping);
  eventSourceMappings.sync(mapping);
  return toConfiguration(mapping, 'Creating');
}
