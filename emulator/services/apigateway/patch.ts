import type { PatchOperation } from '@aws-sdk/client-api-gateway';
import { BadRequestException, ValidationException } from './errors.js';

type Op = 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
const OPS: Op[] = ['add', 'remove', 'move', 'test', 'replace', 'copy'];

/**
 * How one patch path behaves. A path ending in `/*` addresses one entry of a map (`/variables/x`,
 * `/requestTemplates/application~1json`) or of a list (`/binaryMediaTypes/image~1png`).
 */
export interface PatchRule {
  path: string;
  ops: Op[];
  kind: 'string' | 'boolean' | 'number' | 'stringList' | 'map' | 'boolMap' | 'listEntry';
  /** Member of the target when it differs from the path (e.g. `/httpMethod` → integration httpMethod). */
  member?: string;
}

/** JSON-pointer unescaping as API Gateway uses it: `~1` is `/`, `~0` is `~`. */
export function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function convert(kind: PatchRule['kind'], value: string | undefined): unknown {
  switch (kind) {
    case 'boolean':
    case 'boolMap':
      return String(value).toLowerCase() === 'true';
    case 'number':
      return value === undefined || value === '' ? undefined : Number(value);
    case 'stringList':
      return value === undefined ? [] : value.split(',').filter(Boolean);
    default:
      return value;
  }
}

export function validateOps(ops: PatchOperation[] | undefined, input: string): void {
  const errors = (ops ?? [])
    .map((op, i) => ({ op: op.op, i }))
    .filter(({ op }) => !OPS.includes(op as Op))
    .map(
      ({ op, i }) =>
        `Value '${op}' at '${input}.patchOperations.${i + 1}.member.op' failed to satisfy constraint: Member must satisfy enum value set: [${OPS.join(', ')}]`,
    );
  if (errors.length) {
    throw new ValidationException(`${errors.length} validation error${errors.length > 1 ? 's' : ''} detected: ${errors.join('; ')}`);
  }
}

/** Applies patch operations in place; throws AWS's errors for unknown paths and unsupported ops. */
export function applyPatch(target: Record<string, any>, ops: PatchOperation[] | undefined, rules: PatchRule[], input: string): void {
  validateOps(ops, input);
  for (const operation of ops ?? []) {
    const op = operation.op as Op;
    const path = operation.path ?? 'null';
    const rule =
      rules.find((r) => r.path === path) ??
      rules.find((r) => r.path.endsWith('/*') && path.startsWith(r.path.slice(0, -1)) && path.length > r.path.length - 1);
    if (!rule) throw new BadRequestException(`Invalid patch path ${path}`);
    if (!rule.ops.includes(op)) {
      throw new BadRequestException(`Invalid patch operation specified. Must be one of: [${rule.ops.join(', ')}]`);
    }
    const member = rule.member ?? rule.path.slice(1).split('/')[0]!;
    if (rule.path.endsWith('/*')) {
      const key = unescapePointer(path.slice(rule.path.length - 1));
      if (rule.kind === 'listEntry') {
        const list: string[] = Array.isArray(target[member]) ? target[member] : [];
        const index = /^\d+$/.test(key) && !list.includes(key) ? Number(key) : undefined;
        if (index !== undefined) {
          // `/providerARNs/0`: the entry at an index.
          const copy = [...list];
          if (op === 'remove') copy.splice(index, 1);
          else if (operation.value) copy.splice(index, op === 'replace' ? 1 : 0, operation.value);
          target[member] = copy;
        } else {
          const without = list.filter((v) => v !== key);
          if (op === 'add') target[member] = [...without, operation.value || key];
          else if (op === 'remove') target[member] = without;
          else if (op === 'replace') target[member] = operation.value ? [...without, operation.value] : without;
        }
        if (!target[member].length) delete target[member];
        continue;
      }
      const map: Record<string, unknown> = { ...(target[member] ?? {}) };
      if (op === 'remove') delete map[key];
      else map[key] = convert(rule.kind, operation.value);
      if (Object.keys(map).length) target[member] = map;
      else delete target[member];
      continue;
    }
    const value = convert(rule.kind, operation.value);
    if (op === 'remove' || value === undefined || (rule.kind === 'string' && value === '' && op !== 'replace')) delete target[member];
    else target[member] = value;
  }
}
