import type { GetEventSourceMappingCommandInput } from '@aws-sdk/client-lambda';
import type { LambdaContext } from '../../context.js';
import { type MappingOutput, toConfiguration } from '../configuration.js';
import { findMapping } from './find-mapping.js';

export function GetEventSourceMapping(input: GetEventSourceMappingCommandInput, ctx: LambdaContext): MappingOutput {
  return toConfiguration(findMapping(ctx, input.UUID));
}
