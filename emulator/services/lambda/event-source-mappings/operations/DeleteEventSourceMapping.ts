import type { DeleteEventSourceMappingCommandInput } from '@aws-sdk/client-lambda';
import type { LambdaContext } from '../../context.js';
import { type MappingOutput, toConfiguration } from '../configuration.js';
import { findMapping } from './find-mapping.js';

export function DeleteEventSourceMapping(input: DeleteEventSourceMappingCommandInput, ctx: LambdaContext): MappingOutput {
  const mapping = findMapping(ctx, input.UUID);
  ctx.eventSourceMappings.mappings.delete(mapping);
  ctx.eventSourceMappings.sync(mapping);
  return toConfiguration(mapping, 'Deleting');
}
