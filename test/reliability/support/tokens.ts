import { createHmac, createPrivateKey, sign } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

export interface Jwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signature: string;
}

export function decode(token: string): Jwt {
  const [header, payload, signature] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header!, 'base64url').toString('utf8')),
    payload: JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')),
    signature: signature!,
  };
}

/** Re-encodes header and payload, keeping the given signature (which then no longer matches). */
export function reassemble(header: Record<string, unknown>, payload: Record<string, unknown>, signature: string): string {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${signature}`;
}

export function signRs256(header: Record<string, unknown>, payload: Record<string, unknown>, privateJwk: Record<string, unknown>): string {
  const input = `${b64url(JSON.stringify({ ...header, alg: 'RS256' }))}.${b64url(JSON.stringify(payload))}`;
  const key = createPrivateKey({ key: privateJwk as never, format: 'jwk' });
  return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`;
}

/** The classic key confusion: HS256 with the pool's public key as the HMAC secret. */
export function signHs256(header: Record<string, unknown>, payload: Record<string, unknown>, secret: string): string {
  const input = `${b64url(JSON.stringify({ ...header, alg: 'HS256' }))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${b64url(createHmac('sha256', secret).update(input).digest())}`;
}

export interface SigningKeyFile {
  kid: string;
  privateJwk: Record<string, unknown>;
  publicJwk: Record<string, unknown>;
}

/** Finds a pool's signing key in a state directory, as someone with the disk in hand could. */
export function signingKeyOnDisk(stateDir: string, userPoolId: string): SigningKeyFile {
  const search = (dir: string): string | undefined => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        const found = search(full);
        if (found) return found;
      } else if (entry.name === `${encodeURIComponent(userPoolId)}.json` && dir.endsWith('keys')) return full;
    }
    return undefined;
  };
  const file = search(join(stateDir, 'data', 'cognito'));
  if (!file) throw new Error(`no signing key for ${userPoolId} under ${stateDir}`);
  return JSON.parse(readFileSync(file, 'utf8')) as SigningKeyFile;
}
