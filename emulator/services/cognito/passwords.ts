import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { PasswordPolicyType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidPasswordException } from './errors.js';
import { newVerifier, srpPoolName } from './srp.js';
import type { UserRecord } from './state.js';
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

/**
 * Throws InvalidPasswordException when the password breaks the pool's policy. SignUp words it
 * "Password did not conform with policy: ..."; the operations that change a password say
 * "Password does not conform to policy: ...".
 */
export function requireConforming(password: string, policy: Wire<PasswordPolicyType> | undefined, wording: 'signUp' | 'change'): void {
  const violation = policyViolation(password, policy);
  if (!violation) return;
  throw new InvalidPasswordException(
    wording === 'signUp' ? `Password did not conform with policy: ${violation}` : `Password does not conform to policy: ${violation}`,
  );
}

/** Stores a new password for a user: its scrypt hash and its SRP verifier (which names the user, so set the username first). */
export async function setPassword(poolId: string, user: UserRecord, password: string): Promise<void> {
  user.passwordHash = await hashPassword(password);
  user.srp = newVerifier(srpPoolName(poolId), user.Username, password);
}

/** A temporary password that meets the policy, as AdminCreateUser generates when given none. */
export function temporaryPassword(policy: Wire<PasswordPolicyType> | undefined): string {
  const pick = (alphabet: string, n: number) => Array.from(randomBytes(n), (byte) => alphabet[byte % alphabet.length]).join('');
  const length = Math.max(policy?.MinimumLength ?? 8, 12);
  const base = pick('ABCDEFGHJKLMNPQRSTUVWXYZ', 2) + pick('abcdefghijkmnopqrstuvwxyz', 2) + pick('23456789', 2) + pick('^$*.!@#%&', 2);
  return base + pick('abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789', length - base.length);
}
