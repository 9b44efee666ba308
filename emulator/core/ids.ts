import { randomBytes, randomUUID } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Random bytes drawn from the CSPRNG a few kilobytes at a time (each byte handed out once): ids are made on every request. */
let pool = Buffer.alloc(0);
let poolOffset = 0;
const POOL_BYTES = 4096;

function takeRandom(length: number): Buffer {
  if (length > POOL_BYTES) return randomBytes(length);
  if (poolOffset + length > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + length);
  poolOffset += length;
  return bytes;
}

function randomFrom(alphabet: string, length: number): string {
  const bytes = takeRandom(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}

/** `bytes` random bytes as lower-case hex. */
export const randomHex = (bytes: number) => takeRandom(bytes).toString('hex');

export const randomAlphanumeric = (length: number) => randomFrom(ALPHANUMERIC, length);
export const randomLowerId = (length: number) => randomFrom(LOWER_ALPHANUMERIC, length);
export const randomUpperId = (length: number) => randomFrom(UPPER_ALPHANUMERIC, length);
export const requestId = () => randomUUID();
export const uuid = () => randomUUID();
export const randomDigits = (length: number) => randomFrom('0123456789', length);
