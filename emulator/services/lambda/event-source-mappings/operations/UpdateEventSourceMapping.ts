import type { UpdateEventSourceMappingCommandInput } from '@aws-sdk/client-lambda';
import type { LambdaContext } from '../../context.js';
import { type MappingOutput, toConfiguration } from '../configuration.js';
import type { MappingRecord } from '../state.js';
import { parseSettings } from '../validation.js';
import { findMapping } from './find-mapping.js';

/** Changes the function, batching, retries or Enabled; the stream position is kept. */
export function UpdateEventSourceMapping(input: UpdateEventSourceMappingCommandInput, ctx: LambdaContext): MappingOutput {
  const mapping = findMapping(ctx, input.UUID);
  const settings = parseSettings(input as unknown as Record<string, unknown>);
  const functionArn = input.FunctionName ? ctx.runner.target(ctx.account, ctx.region, input.FunctionName).invokedArn : mapping.functionArn;
  const updated: MappingRecord = {
    ...mapping,
    functionArn,
    batchSize: settings.batchSize ?? mapping.batchSize,
    maximumBatchingWindowInSeconds: settings.maximumBatchingWindowInSeconds ?? mapping.maximumBatchingWindowInSeconds,
    maximumRetryAttempts: settings.maximumRetryAttempts ?? mapping.maximumRetryAttempts,
    maximumRecordAgeInSeconds: settings.maximumRecordAgeInSeconds ?? mapping.maximumRecordAgeInSeconds,
    functionResponseTypes: settings.functionResponseTypes ?? mapping.functionResponseTypes,
    enabled: settings.enabled ?? mapping.enabled,
    lastModified: Date.now(),
  };
  ctx.eventSourceMappings.mappings.put(updated);
  ctx.eventSourceMappings.sync(updated);
  return toConfiguration(updated, 'Updating');
}
