/** A console request the caller got wrong: answered 400 with its message. */
export class BadRequest extends Error {}

/** A resource the console was asked about that does not exist: answered 404. */
export class NotFound extends Error {}

/** Reads and checks the query parameters of a console API request. */
export class Params {
  constructor(private readonly query: URLSearchParams) {}

  /** A parameter that must be present and non-empty, at most `maxLength` characters. */
  required(name: string, maxLength = 1024): string {
    const value = this.optional(name, maxLength);
    if (value === undefined) throw new BadRequest(`The query parameter ${name} is required.`);
    return value;
  }

  optional(name: string, maxLength = 1024): string | undefined {
    const values = this.query.getAll(name);
    if (values.length > 1) throw new BadRequest(`The query parameter ${name} is given more than once.`);
    const value = values[0];
    if (value === undefined || value === '') return undefined;
    if (value.length > maxLength) throw new BadRequest(`The query parameter ${name} is longer than ${maxLength} characters.`);
    return value;
  }

  /** A whole number within [min, max], or `fallback` when absent. */
  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.optional(name, 20);
    if (value === undefined) return fallback;
    if (!/^-?\d+$/.test(value)) throw new BadRequest(`The query parameter ${name} must be a whole number, not ${JSON.stringify(value)}.`);
    const n = Number(value);
    if (n < min || n > max) throw new BadRequest(`The query parameter ${name} must be between ${min} and ${max}.`);
    return n;
  }

  /** One of the listed values, or `fallback` when absent. */
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.optional(name, 64);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      throw new BadRequest(`The query parameter ${name} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}.`);
    }
    return value as T;
  }

  /** A JSON value passed base64url-encoded (paging keys and tokens handed out by an earlier answer). */
  cursor<T>(name: string): T | undefined {
    const value = this.optional(name, 16_384);
    if (value === undefined) return undefined;
    try {
      return JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as T;
    } catch {
      throw new BadRequest(`The query parameter ${name} is not a paging cursor handed out by the console.`);
    }
  }
}

/** The `next` cursor of an answer: what the page passes back to read the following page. */
export function encodeCursor(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}
