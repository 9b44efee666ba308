import { InvalidNextToken } from './errors.js';

/** Opaque pagination tokens: an offset as base64url JSON. */
export function encodeOffset(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeOffset(token: string | undefined): number {
  if (token === undefined) return 0;
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof value.o === 'number' && Number.isInteger(value.o) && value.o >= 0) return value.o;
  } catch {
    // fall through
  }
  throw new InvalidNextToken('The service returned an invalid NextToken.');
}

export function page<T>(items: T[], token: string | undefined, size: number): { items: T[]; next?: string } {
  const offset = decodeOffset(token);
  const slice = items.slice(offset, offset + size);
  return { items: slice, next: offset + size < items.length ? encodeOffset(offset + size) : undefined };
}
