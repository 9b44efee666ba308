import type { LambdaContext } from '../../context.js';
import { ResourceNotFoundException } from '../../errors.js';
import type { MappingRecord } from '../state.js';

export function findMapping(ctx: LambdaContext, uuid: unknown): MappingRecord {
  const mapping = typeof uuid === 'string' ? ctx.eventSourceMappings.mappings.get(ctx.account, ctx.region, uuid) : undefined;
  if (!mapping) throw new ResourceNotFoundException('The resource you requested does not exist.');
  return mapping;
}
