import type { Dimension } from '@aws-sdk/client-cloudwatch';
import { InvalidParameterValue, invalidMember, MissingParameter, SerializationException } from './errors.js';

export const UNITS = [
  'Seconds',
  'Microseconds',
  'Milliseconds',
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Terabytes',
  'Bits',
  'Kilobits',
  'Megabits',
  'Gigabits',
  'Terabits',
  'Percent',
  'Count',
  'Bytes/Second',
  'Kilobytes/Second',
  'Megabytes/Second',
  'Gigabytes/Second',
  'Terabytes/Second',
  'Bits/Second',
  'Kilobits/Second',
  'Megabits/Second',
  'Gigabits/Second',
  'Terabits/Second',
  'Count/Second',
  'None',
];

export function checkUnit(member: string, unit: unknown): void {
  if (unit !== undefined && !UNITS.includes(unit as string)) {
    throw invalidMember(member, unit, `Member must satisfy enum value set: [${UNITS.join(', ')}]`);
  }
}

export function requireParameter(name: string, value: unknown): void {
  if (value === undefined || value === null || value === '') {
    throw new MissingParameter(`The parameter ${name} is required.`);
  }
}

/** A member the model types as a list: anything else is refused as the JSON protocol words it. */
export function checkList(value: unknown): void {
  if (value === undefined || value === null || Array.isArray(value)) return;
  const found = typeof value === 'object' ? 'Start of structure or map' : 'Unexpected value';
  throw new SerializationException(`${found} found where not expected`);
}

export function checkDimensions(member: string, dimensions: Dimension[] | undefined, max = 30): void {
  if (!dimensions) return;
  if (!Array.isArray(dimensions)) throw new InvalidParameterValue(`The parameter ${member} is invalid.`);
  if (dimensions.length > max) {
    throw invalidMember(member, dimensions, `Member must have length less than or equal to ${max}`);
  }
  dimensions.forEach((d, i) => {
    requireParameter(`${member}.member.${i + 1}.Name`, d?.Name);
    requireParameter(`${member}.member.${i + 1}.Value`, d?.Value);
  });
}

/** A double that made it through JSON: the SDK sends NaN and infinities as strings. */
export function finiteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
