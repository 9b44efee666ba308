import { createDiffieHellman, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Cognito's SRP-6a, the server side, byte for byte as amazon-cognito-identity-js computes it
 * (AuthenticationHelper): the 3072-bit group of RFC 5054 with g = 2, SHA-256, integers hashed in
 * the hex form of Java's BigInteger.toByteArray() ("padHex"), x = H(salt | H(poolName | userId |
 * ':' | password)), and a 16-byte HKDF key ("Caldera Derived Key") that signs the claim.
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
const INFO = Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]);

/** Hex of a non-negative integer as Java's BigInteger.toByteArray(): even length, a 00 byte when the top bit is set. */
export function padHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hexHash = (hex: string) => sha256Hex(Buffer.from(hex, 'hex'));
const toBig = (hex: string) => BigInt(`0x${hex}`);

function bigModPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
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

const N_BYTES = Buffer.from(padHex(N).replace(/^00/, ''), 'hex');
const toBytes = (value: bigint) => Buffer.from(padHex(value), 'hex');

/**
 * base^exponent mod N through OpenSSL's Diffie-Hellman (the group is a DH group; about ten times
 * faster than BigInt, which matters on the event loop), BigInt arithmetic for the edge cases
 * OpenSSL refuses as public keys (0, 1, N-1).
 */
function modPow(base: bigint, exponent: bigint): bigint {
  if (exponent === 0n) return 1n;
  const dh = createDiffieHellman(N_BYTES, Buffer.from([Number(g)]));
  dh.setPrivateKey(toBytes(exponent));
  try {
    if (base === g) {
      dh.generateKeys();
      return BigInt(`0x${dh.getPublicKey('hex')}`);
    }
    return BigInt(`0x${dh.computeSecret(toBytes(((base % N) + N) % N)).toString('hex') || '0'}`);
  } catch {
    return bigModPow(base, exponent, N);
  }
}

const k = toBig(hexHash(padHex(N) + padHex(g)));

/** The part of a pool id after the underscore: what Cognito's SRP calls the pool name. */
export const srpPoolName = (poolId: string) => poolId.slice(poolId.indexOf('_') + 1);

function privateKeyX(poolName: string, userId: string, password: string, saltHex: string): bigint {
  const inner = sha256Hex(Buffer.from(`${poolName}${userId}:${password}`, 'utf8'));
  return toBig(hexHash(padHex(toBig(saltHex)) + inner));
}

/** What the store keeps to check SRP sign-ins: a random salt and v = g^x mod N (hex). */
export interface SrpVerifier {
  salt: string;
  verifier: string;
}

export function newVerifier(poolName: string, userId: string, password: string): SrpVerifier {
  const salt = randomBytes(16).toString('hex');
  return { salt, verifier: modPow(g, privateKeyX(poolName, userId, password, salt)).toString(16) };
}

/** A verifier no password matches, for sign-ins of users who do not exist. */
export function decoyVerifier(): SrpVerifier {
  return { salt: randomBytes(16).toString('hex'), verifier: modPow(g, toBig(randomBytes(32).toString('hex'))).toString(16) };
}

/** The server's ephemeral pair: secret b and public B = (k·v + g^b) mod N (hex). */
export function serverEphemeral(verifierHex: string): { b: string; B: string } {
  for (;;) {
    const b = toBig(randomBytes(32).toString('hex'));
    const B = (k * toBig(verifierHex) + modPow(g, b)) % N;
    if (B !== 0n) return { b: b.toString(16), B: B.toString(16) };
  }
}

/** SRP_A as the client sends it: hex of a number that is not a multiple of N. */
export function validClientPublic(srpA: string): boolean {
  return /^[0-9a-fA-F]{1,2048}$/.test(srpA) && toBig(srpA) % N !== 0n;
}

/** The 16-byte key both sides derive: HKDF(ikm = S, salt = u). */
function sessionKey(A: bigint, B: bigint, b: bigint, v: bigint): Buffer {
  const u = toBig(hexHash(padHex(A) + padHex(B)));
  const S = modPow((A * modPow(v, u)) % N, b);
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
    .update(Buffer.from(padHex(S), 'hex'))
    .digest();
  return createHmac('sha256', prk).update(INFO).digest().subarray(0, 16);
}

export interface PasswordClaim {
  poolName: string;
  userId: string;
  secretBlock: string;
  timestamp: string;
  signature: string;
}

/**
 * Whether PASSWORD_CLAIM_SIGNATURE is Base64(HMAC-SHA256(key, poolName | userId | secretBlock |
 * timestamp)) for the key this exchange (A, B, b) and verifier give.
 */
export function claimValid(exchange: { A: string; B: string; b: string }, verifierHex: string, claim: PasswordClaim): boolean {
  const key = sessionKey(toBig(exchange.A), toBig(exchange.B), toBig(exchange.b), toBig(verifierHex));
  const expected = createHmac('sha256', key)
    .update(
      Buffer.concat([
        Buffer.from(claim.poolName, 'utf8'),
        Buffer.from(claim.userId, 'utf8'),
        Buffer.from(claim.secretBlock, 'base64'),
        Buffer.from(claim.timestamp, 'utf8'),
      ]),
    )
    .digest();
  const actual = Buffer.from(claim.signature, 'base64');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Java's "EEE MMM d HH:mm:ss z yyyy" in English, as amazon-cognito-identity-js writes it ("Tue Nov 5 17:00:00 UTC 2026"). */
const TIMESTAMP =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (0?[1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9] (UTC|GMT) [0-9]{4}$/;

export const timestampWellFormed = (timestamp: string) => TIMESTAMP.test(timestamp);
