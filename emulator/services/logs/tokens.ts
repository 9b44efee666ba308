import { InvalidParameterException } from './errors.js';

/** Opaque pagination tokens: base64url JSON, rejected with AWS's message when tampered with. */
export function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeToken<T>(token: string, valid: (value: unknown) => value is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (valid(value)) return value;
  } catch {
    // fall through to the error below
  }
  throw new InvalidParameterException('The specified nextToken is invalid.');
}
