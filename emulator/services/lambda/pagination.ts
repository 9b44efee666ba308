import { InvalidParameterValueException, ValidationException, validationMessage } from './errors.js';

/** MaxItems of the list operations (a query parameter, so it may arrive as text): 1 to 10000. */
export function parseMaxItems(value: number | string | undefined, fallback = 50): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new ValidationException(validationMessage('maxItems', String(value), 'Member must be an integer'));
  if (n < 1)
    throw new ValidationException(validationMessage('maxItems', String(value), 'Member must have value greater than or equal to 1'));
  if (n > 10_000) {
    throw new ValidationException(validationMessage('maxItems', String(value), 'Member must have value less than or equal to 10000'));
  }
  return n;
}

/** One page of `items` (each known by a unique, ordered key) after the item the marker names. */
export function paginate<T>(
  items: T[],
  keyOf: (item: T) => string,
  marker: string | undefined,
  maxItems: number,
): { page: T[]; nextMarker?: string } {
  let start = 0;
  if (marker) {
    const after = Buffer.from(marker, 'base64url').toString('utf8');
    if (!after) throw new InvalidParameterValueException('Invalid Marker value.');
    const at = items.findIndex((item) => keyOf(item) === after);
    // The marked item may have been deleted since: continue with the first one after it.
    start = at >= 0 ? at + 1 : items.findIndex((item) => compareKeys(keyOf(item), after) > 0);
    if (start < 0) start = items.length;
  }
  const page = items.slice(start, start + maxItems);
  const more = start + maxItems < items.length;
  return { page, ...(more ? { nextMarker: Buffer.from(keyOf(page[page.length - 1]!)).toString('base64url') } : {}) };
}

/** Keys compare as numbers when both are (version numbers), else as text. */
function compareKeys(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
