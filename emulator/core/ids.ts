import { randomBytes, randomUUID } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomFrom(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}

export const randomAlphanumeric = (length: number) => randomFrom(ALPHANUMERIC, length);
export const randomLowerId = (length: number) => randomFrom(LOWER_ALPHANUMERIC, length);
export const randomUpperId = (length: number) => randomFrom(UPPER_ALPHANUMERIC, length);
export const requestId = () => randomUUID();
export const uuid = () => randomUUID();
export const randomDigits = (length: number) => randomFrom('0123456789', length);
