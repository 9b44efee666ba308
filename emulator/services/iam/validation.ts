import { InvalidInput, ValidationError } from './errors.js';

const NAME_PATTERN = /^[\w+=,.@-]+$/;
const PATH_PATTERN = /^(\/|\/[\u0021-\u007e]+\/)$/;

const constraint = (value: unknown, field: string, rule: string) =>
  new ValidationError(
    `1 validation error detected: Value ${value === undefined ? 'null' : `'${value}'`} at '${field}' failed to satisfy constraint: ${rule}`,
  );

/** An entity name (role, user, policy): required, [\w+=,.@-]+, at most `max` characters. */
export function checkName(value: string | undefined, field: string, max: number): string {
  if (value === undefined || value === '') throw constraint(value, field, 'Member must not be null');
  if (value.length > max) throw constraint(value, field, `Member must have length less than or equal to ${max}`);
  if (!NAME_PATTERN.test(value)) throw constraint(value, field, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
  return value;
}

export function checkPath(value: string | undefined): string {
  const path = value ?? '/';
  if (path.length > 512 || !PATH_PATTERN.test(path)) {
    throw constraint(path, 'path', 'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)');
  }
  return path;
}

export function required<T>(value: T | undefined, field: string): T {
  if (value === undefined || value === null || value === '') throw constraint(undefined, field, 'Member must not be null');
  return value;
}

export interface TagInput {
  Key?: string;
  Value?: string;
}

/** Tags as IAM checks them: at most 50, keys case-insensitively unique, key ≤ 128 and value ≤ 256 characters. */
export function checkTags(tags: TagInput[] | undefined, field = 'tags'): { Key: string; Value: string }[] {
  const list = (tags ?? []).map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' }));
  if (list.length > 50) throw constraint('[...]', field, 'Member must have length less than or equal to 50');
  const seen = new Set<string>();
  for (const tag of list) {
    if (!tag.Key || tag.Key.length > 128)
      throw constraint(tag.Key, `${field}.X.member.key`, 'Member must have length less than or equal to 128');
    if (tag.Value.length > 256) throw constraint(tag.Value, `${field}.X.member.value`, 'Member must have length less than or equal to 256');
    const lower = tag.Key.toLowerCase();
    if (seen.has(lower)) throw new InvalidInput('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    seen.add(lower);
  }
  return list;
}

/** Merges tags, a new value replacing the one of the same key (case-insensitive). */
export function mergeTags(
  current: { Key: string; Value: string }[],
  added: { Key: string; Value: string }[],
): { Key: string; Value: string }[] {
  const byKey = new Map(current.map((t) => [t.Key.toLowerCase(), t]));
  for (const tag of added) byKey.set(tag.Key.toLowerCase(), tag);
  return [...byKey.values()];
}

/** awsQuery carries numbers and booleans as text. */
export const asNumber = (value: unknown): number | undefined => (value === undefined ? undefined : Number(value));
export const asBoolean = (value: unknown): boolean | undefined => (value === undefined ? undefined : String(value) === 'true');
