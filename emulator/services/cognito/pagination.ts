import { InvalidParameterException } from './errors.js';

/** Opaque page tokens: the position after the last item returned. */
export function pageToken(position: string): string {
  return Buffer.from(JSON.stringify({ after: position })).toString('base64url');
}

export function readPageToken(token: unknown, message = 'Invalid pagination token'): string | undefined {
  if (token === undefined || token === null || token === '') return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8'));
    if (typeof parsed?.after === 'string') return parsed.after;
  } catch {
    // falls through to the error
  }
  throw new InvalidParameterException(message);
}

/** One page of items sorted by `position`, and the token for the next one. */
export function paginate<T>(items: T[], position: (item: T) => string, limit: number, token: unknown): { page: T[]; next?: string } {
  const after = readPageToken(token);
  const rest = after === undefined ? items : items.filter((item) => position(item) > after);
  const page = rest.slice(0, limit);
  return { page, next: rest.length > limit ? pageToken(position(page[page.length - 1]!)) : undefined };
}
