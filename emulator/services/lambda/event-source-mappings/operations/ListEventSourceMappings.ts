import type { ListEventSourceMappingsCommandInput } from '@aws-sdk/client-lambda';
import type { LambdaContext } from '../../context.js';
import { paginate, parseMaxItems } from '../../pagination.js';
import { type MappingOutput, toConfiguration } from '../configuration.js';

/** Query parameters arrive as text. */
type Input = Omit<ListEventSourceMappingsCommandInput, 'MaxItems'> & { MaxItems?: number | string };

/** The mappings of the account and region, optionally of one stream and/or one function. */
export function ListEventSourceMappings(input: Input, ctx: LambdaContext): { EventSourceMappings: MappingOutput[]; NextMarker?: string } {
  const maxItems = parseMaxItems(input.MaxItems, 100);
  const functionArn = input.FunctionName ? ctx.runner.target(ctx.account, ctx.region, input.FunctionName).invokedArn : undefined;
  const mappings = ctx.eventSourceMappings.mappings
    .list(ctx.account, ctx.region)
    .filter((m) => (!input.EventSourceArn || m.eventSourceArn === input.EventSourceArn) && (!functionArn || m.functionArn === functionArn));
  const { page, nextMarker } = paginate(mappings, (m) => m.uuid, input.Marker, maxItems);
  return { EventSourceMappings: page.map((m) => toConfiguration(m)), ...(nextMarker ? { NextMarker: nextMarker } : {}) };
}
