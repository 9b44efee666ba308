import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { PasswordPolicyType } from '@aws-sdk/client-cognito-identity-provider';
import type { Wire } from './wire.js';

const KEY_LENGTH = 32;
const COST = { N: 16384, r: 8, p: 1 };

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, COST, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$<salt>$<hash>` (base64): what the store keeps instead of a password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${(await derive(password, salt)).toString('base64')}`;
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The characters Cognito counts as symbols; a space counts too when it is neither first nor last. */
const SYMBOLS = new Set('^$*.[]{}()?-"!@#%&/\\,><\':;|_~`+='.split(''));

function hasSymbol(password: string): boolean {
  return [...password].some((c, i) => SYMBOLS.has(c) || (c === ' ' && i > 0 && i < password.length - 1));
}

/**
 * The first rule of the policy the password breaks, in the order Cognito checks them, worded as
 * Cognito words it ("Password must have uppercase characters"); undefined when it conforms.
 */
export function policyViolation(password: string, policy: Wire<PasswordPolicyType> | undefined): string | undefined {
  const p = policy ?? {};
  if ([...password].length < (p.MinimumLength ?? 8)) return 'Password not long enough';
  if (p.RequireLowercase && !/[a-z]/.test(password)) return 'Password must have lowercase characters';
  if (p.RequireUppercase && !/[A-Z]/.test(password)) return 'Password must have uppercase characters';
  if (p.RequireNumbers && !/[0-9]/.test(password)) return 'Password must have numeric characters';
  if (p.RequireSymbols && !hasSymbol(password)) return 'Password must have symbol characters';
  return undefined;
}
