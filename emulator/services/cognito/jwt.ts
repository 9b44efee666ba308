import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import type { SigningKeyRecord } from './state.js';

/** A fresh RSA-2048 key; its `kid` is derived from the public modulus, as stable as the key. */
export function newSigningKey(): SigningKeyRecord {
  const key = spareKey ?? recordOf(generateKeyPairSync('rsa', { modulusLength: 2048 }));
  spareKey = undefined;
  prepareSigningKey();
  return key;
}

/**
 * RSA key generation takes 100-300 ms of CPU: one key is generated ahead, on the thread pool, so
 * that creating a user pool does not block the event loop. Called when the service starts and
 * after each key taken.
 */
export function prepareSigningKey(): void {
  if (spareKey || preparing) return;
  preparing = true;
  generateKeyPair('rsa', { modulusLength: 2048 }, (err, publicKey, privateKey) => {
    preparing = false;
    if (!err) spareKey ??= recordOf({ publicKey, privateKey });
  });
}

let spareKey: SigningKeyRecord | undefined;
let preparing = false;

function recordOf(pair: { publicKey: KeyObject; privateKey: KeyObject }): SigningKeyRecord {
  const publicJwk = pair.publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
  const kid = createHash('sha256').update(String(publicJwk.n)).digest('base64');
  return { kid, privateJwk: pair.privateKey.export({ format: 'jwk' }) as Record<string, unknown>, publicJwk };
}

/** The JWKS entry for a key, as Cognito publishes it. */
export function jwk(key: SigningKeyRecord): Record<string, unknown> {
  return { alg: 'RS256', e: key.publicJwk.e, kid: key.kid, kty: 'RSA', n: key.publicJwk.n, use: 'sig' };
}

export interface ParsedKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** Parsing a JWK costs more than signing with it: parsed keys are kept by store path. */
export class KeyCache {
  private readonly keys = new Map<string, ParsedKey>();

  get(path: string, record: SigningKeyRecord): ParsedKey {
    let parsed = this.keys.get(path);
    if (!parsed || parsed.kid !== record.kid) {
      parsed = {
        kid: record.kid,
        privateKey: createPrivateKey({ key: record.privateJwk as never, format: 'jwk' }),
        publicKey: createPublicKey({ key: record.publicJwk as never, format: 'jwk' }),
      };
      this.keys.set(path, parsed);
    }
    return parsed;
  }

  clear(): void {
    this.keys.clear();
  }
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

export function signJwt(payload: Record<string, unknown>, key: ParsedKey): string {
  const input = `${b64url(JSON.stringify({ kid: key.kid, alg: 'RS256' }))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${b64url(sign('sha256', Buffer.from(input), key.privateKey))}`;
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

/** Splits and parses a compact JWS without trusting it; undefined when it is not one. */
export function decodeJwt(token: unknown): DecodedJwt | undefined {
  if (typeof token !== 'string') return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    if (!isObject(header) || !isObject(payload)) return undefined;
    return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2]!, 'base64url') };
  } catch {
    return undefined;
  }
}

export function signatureValid(jwt: DecodedJwt, key: ParsedKey): boolean {
  if (jwt.header.alg !== 'RS256' || jwt.header.kid !== key.kid) return false;
  return verify('sha256', Buffer.from(jwt.signingInput), key.publicKey, jwt.signature);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
