/**
 * The client half of Cognito's SRP-6a (USER_SRP_AUTH), with BigInt and WebCrypto only. It computes
 * exactly what amazon-cognito-identity-js's AuthenticationHelper computes: the 3072-bit group of
 * RFC 5054 with g = 2, SHA-256, integers hashed in the hex form of Java's BigInteger.toByteArray(),
 * x = H(salt | H(poolName | userId | ':' | password)), a 16-byte HKDF key ("Caldera Derived Key")
 * and the PASSWORD_CLAIM_SIGNATURE over poolName | userId | SECRET_BLOCK | timestamp.
 * This module only computes; auth.ts does the talking.
 */

const N = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;

const encoder = new TextEncoder();

function padHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

const bytesToHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function base64ToBytes(value: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
}

function bytesToBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

async function sha256Hex(data: Uint8Array<ArrayBuffer>): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', data)));
}

async function hmac(key: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const imported = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', imported, data));
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

const hexHash = async (hex: string) => sha256Hex(hexToBytes(hex));

/** The client's ephemeral pair: secret a and public A = g^a mod N; SRP_A is A in hex. */
export interface SrpStart {
  a: bigint;
  srpA: string;
}

export function startSrp(): SrpStart {
  for (;;) {
    const a = BigInt(`0x${bytesToHex(crypto.getRandomValues(new Uint8Array(32)))}`);
    const A = modPow(g, a, N);
    if (A !== 0n) return { a, srpA: A.toString(16) };
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue Nov 5 17:00:00 UTC 2026": the day is not zero-padded, the rest is. */
export function srpTimestamp(date = new Date()): string {
  const two = (n: number) => n.toString().padStart(2, '0');
  return (
    `${WEEKDAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`
  );
}

export interface PasswordVerifierChallenge {
  /** From the challenge parameters. */
  SALT: string;
  SRP_B: string;
  SECRET_BLOCK: string;
  USER_ID_FOR_SRP: string;
}

/** The PASSWORD_VERIFIER answer (challenge responses less USERNAME): the claim signed with the key the password gives. */
export async function passwordClaim(
  userPoolId: string,
  password: string,
  start: SrpStart,
  challenge: PasswordVerifierChallenge,
  now = new Date(),
): Promise<{ PASSWORD_CLAIM_SECRET_BLOCK: string; PASSWORD_CLAIM_SIGNATURE: string; TIMESTAMP: string }> {
  const poolName = userPoolId.slice(userPoolId.indexOf('_') + 1);
  const userId = challenge.USER_ID_FOR_SRP;
  const A = BigInt(`0x${start.srpA}`);
  const B = BigInt(`0x${challenge.SRP_B}`);
  if (B % N === 0n) throw new Error('The server sent an invalid SRP_B.');
  const u = BigInt(`0x${await hexHash(padHex(A) + padHex(B))}`);
  if (u === 0n) throw new Error('The SRP exchange failed (u = 0).');
  const k = BigInt(`0x${await hexHash(padHex(N) + padHex(g))}`);
  const inner = await sha256Hex(encoder.encode(`${poolName}${userId}:${password}`));
  const x = BigInt(`0x${await hexHash(padHex(BigInt(`0x${challenge.SALT}`)) + inner)}`);
  const S = modPow(B - k * modPow(g, x, N), start.a + u * x, N);
  const prk = await hmac(hexToBytes(padHex(u)), hexToBytes(padHex(S)));
  const key = (await hmac(prk, concat(encoder.encode('Caldera Derived Key'), new Uint8Array([1])))).slice(0, 16);
  const timestamp = srpTimestamp(now);
  const signature = await hmac(
    key,
    concat(encoder.encode(poolName), encoder.encode(userId), base64ToBytes(challenge.SECRET_BLOCK), encoder.encode(timestamp)),
  );
  return {
    PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK,
    PASSWORD_CLAIM_SIGNATURE: bytesToBase64(signature),
    TIMESTAMP: timestamp,
  };
}
