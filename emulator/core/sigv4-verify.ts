import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { EdgeRequest } from './http.js';

/**
 * SigV4 verification, header form (`Authorization: AWS4-HMAC-SHA256 ...`) and presigned query
 * form (`X-Amz-Signature=...`), computed as AWS computes it: the canonical request (S3 signs the
 * path as sent; every other service the path normalised and encoded once more; the query decoded,
 * re-encoded and sorted; the signed headers trimmed; the payload hash from `x-amz-content-sha256`
 * for S3, UNSIGNED-PAYLOAD and STREAMING-* values included, else the SHA-256 of the body), the
 * string to sign and the signing key chain (cached per secret, day, region and service).
 *
 * Only keys the local cloud knows are verified; a key it does not know passes unverified, as in
 * LocalStack. The chunk signatures of STREAMING-AWS4-HMAC-SHA256-PAYLOAD(-TRAILER) bodies are
 * verified from the seed signature on, the trailer signature included. Not verified: SigV2,
 * SigV4a (ECDSA, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD) and POST policy uploads.
 */

/** What the local cloud knows about an access key it issued. */
export interface KnownKey {
  secretAccessKey: string;
  account: string;
  /** False for a deactivated key: the request is refused as if the key were invalid. */
  active: boolean;
  /** Temporary credentials: the session token every request must carry. */
  sessionToken?: string;
  /** Temporary credentials: when they stop working (epoch ms). */
  expiresAt?: number;
}

export type KeyLookup = (accessKeyId: string) => KnownKey | undefined;

/** Why a request signed with a known key is refused; turned into each protocol's error by protocol-errors.ts. */
export type SignatureFailure =
  | { reason: 'mismatch'; accessKeyId: string; signatureProvided: string; stringToSign: string; canonicalRequest: string }
  | { reason: 'invalid-key'; accessKeyId: string }
  | { reason: 'invalid-token' }
  | { reason: 'expired-token' }
  | { reason: 'skewed'; requestTime: string; serverTime: Date; future: boolean }
  | { reason: 'presign-expired'; expires: string; expiresAt: Date; serverTime: Date }
  | { reason: 'malformed'; presigned: boolean; message: string }
  | { reason: 'content-sha256-mismatch'; provided: string; computed: string };

export type SignatureCheck =
  | { ok: true; accessKeyId?: string; key?: KnownKey }
  | { ok: false; failure: SignatureFailure; accessKeyId: string; key: KnownKey };

const ALGORITHM = 'AWS4-HMAC-SHA256';
const STREAMING_SIGNED = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
const STREAMING_SIGNED_TRAILER = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
export const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_PRESIGNED_SECONDS = 7 * 24 * 60 * 60;
const PRESIGN_PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Expires'];

interface SignedParts {
  presigned: boolean;
  accessKeyId: string;
  day: string;
  region: string;
  service: string;
  signedHeaders?: string[];
  signature?: string;
  /** The request time as signed (ISO 8601 basic, e.g. 20240101T000000Z). */
  amzDate?: string;
  expires?: string;
  sessionToken?: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, `/` included. */
export function uriEscape(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const signingKeys = new Map<string, Buffer>();
const MAX_CACHED_KEYS = 512;

/** The signing key chain, cached: deriving it is four HMACs per request otherwise. */
export function signingKey(secret: string, day: string, region: string, service: string): Buffer {
  const id = `${secret}\n${day}\n${region}\n${service}`;
  let key = signingKeys.get(id);
  if (!key) {
    key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request');
    if (signingKeys.size >= MAX_CACHED_KEYS) signingKeys.clear();
    signingKeys.set(id, key);
  }
  return key;
}

function parseAuthorization(header: string): Omit<SignedParts, 'amzDate' | 'sessionToken'> | undefined {
  if (!header.startsWith(`${ALGORITHM} `)) return undefined;
  const fields: Record<string, string> = {};
  for (const part of header.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  const scope = (fields.Credential ?? '').split('/');
  if (scope.length !== 5 || !scope[0]) return undefined;
  return {
    presigned: false,
    accessKeyId: scope[0],
    day: scope[1]!,
    region: scope[2]!,
    service: scope[3]!,
    signedHeaders: fields.SignedHeaders ? fields.SignedHeaders.split(';') : undefined,
    signature: fields.Signature,
  };
}

function parsePresigned(query: URLSearchParams): SignedParts | undefined {
  const credential = query.get('X-Amz-Credential');
  if (!credential) return undefined;
  const scope = credential.split('/');
  if (scope.length !== 5 || !scope[0]) return undefined;
  const signedHeaders = query.get('X-Amz-SignedHeaders');
  return {
    presigned: true,
    accessKeyId: scope[0],
    day: scope[1]!,
    region: scope[2]!,
    service: scope[3]!,
    signedHeaders: signedHeaders ? signedHeaders.split(';') : undefined,
    signature: query.get('X-Amz-Signature') ?? undefined,
    amzDate: query.get('X-Amz-Date') ?? undefined,
    expires: query.get('X-Amz-Expires') ?? undefined,
    sessionToken: query.get('X-Amz-Security-Token') ?? undefined,
  };
}

/** `20240101T000000Z` → epoch ms (NaN when malformed). */
export function parseAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

export const formatAmzDate = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function decode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

/** The query as SigV4 canonicalises it: each name and value decoded, re-encoded, sorted; the signature left out. */
export function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return '';
  const pairs: string[] = [];
  for (const item of rawQuery.split('&')) {
    if (!item) continue;
    const eq = item.indexOf('=');
    const name = decode(eq < 0 ? item : item.slice(0, eq));
    if (name === 'X-Amz-Signature') continue;
    const value = eq < 0 ? '' : decode(item.slice(eq + 1));
    pairs.push(`${uriEscape(name)}=${uriEscape(value)}`);
  }
  return pairs
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair] as const)
    .sort(([a, pa], [b, pb]) => (a < b ? -1 : a > b ? 1 : pa < pb ? -1 : pa > pb ? 1 : 0))
    .map(([, pair]) => pair)
    .join('&');
}

/** S3 signs the path exactly as sent; other services normalise it and encode it once more. */
export function canonicalPath(sentPath: string, service: string): string {
  const rawPath = sentPath || '/';
  if (service === 's3') return rawPath;
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalised = `${rawPath.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && rawPath.endsWith('/') ? '/' : ''}`;
  return uriEscape(normalised).replace(/%2F/g, '/');
}

/** Header values as sent (repeated headers joined with commas), trimmed with inner runs of spaces collapsed. */
function canonicalHeaders(req: EdgeRequest, names: string[]): string {
  const wanted = new Set(names);
  const values = new Map<string, string[]>();
  const raw = req.raw.rawHeaders;
  if (raw) {
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i]!.toLowerCase();
      if (!wanted.has(name)) continue;
      const list = values.get(name) ?? [];
      list.push(raw[i + 1]!.trim().replace(/\s+/g, ' '));
      values.set(name, list);
    }
  } else {
    for (const name of names) if (req.headers[name] !== undefined) values.set(name, [req.headers[name]!.trim().replace(/\s+/g, ' ')]);
  }
  return names.map((name) => `${name}:${(values.get(name) ?? []).join(',')}\n`).join('');
}

function payloadHash(req: EdgeRequest, parts: SignedParts): string {
  if (parts.service === 's3') {
    const declared = req.headers['x-amz-content-sha256'];
    if (declared) return declared;
    return parts.presigned ? 'UNSIGNED-PAYLOAD' : sha256Hex(req.body);
  }
  return sha256Hex(req.body);
}

function rawQueryOf(req: EdgeRequest): string {
  const url = req.raw.url ?? '';
  const q = url.indexOf('?');
  return q < 0 ? '' : url.slice(q + 1);
}

function sameSignature(expected: string, provided: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(provided);
  return a.length === b.length && timingSafeEqual(a, b);
}

function malformed(parts: SignedParts, message: string): SignatureFailure {
  return { reason: 'malformed', presigned: parts.presigned, message };
}

/** The request time: X-Amz-Date (header or query), else the Date header. */
function requestTime(req: EdgeRequest, parts: SignedParts): string | undefined {
  if (parts.amzDate) return parts.amzDate;
  const amz = req.headers['x-amz-date'];
  if (amz) return amz;
  const date = req.headers.date ? Date.parse(req.headers.date) : Number.NaN;
  return Number.isNaN(date) ? undefined : formatAmzDate(new Date(date));
}

function checkTime(parts: SignedParts, amzDate: string, now: number): SignatureFailure | undefined {
  const signedAt = parseAmzDate(amzDate);
  if (Number.isNaN(signedAt)) {
    return parts.presigned
      ? malformed(parts, `Invalid date format header, expected to be in ISO8601, RFC1123 or RFC1123Z time format.`)
      : malformed(parts, `Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`);
  }
  if (parts.presigned) {
    const expires = Number(parts.expires);
    if (!/^\d+$/.test(parts.expires ?? '')) return malformed(parts, 'X-Amz-Expires should be a number');
    if (expires > MAX_PRESIGNED_SECONDS) return malformed(parts, 'X-Amz-Expires must be less than a week (in seconds) that is 604800');
    const expiresAt = signedAt + expires * 1000;
    if (now > expiresAt) {
      return { reason: 'presign-expired', expires: parts.expires!, expiresAt: new Date(expiresAt), serverTime: new Date(now) };
    }
    return undefined;
  }
  if (Math.abs(now - signedAt) > MAX_SKEW_MS) {
    return { reason: 'skewed', requestTime: amzDate, serverTime: new Date(now), future: signedAt > now };
  }
  return undefined;
}

interface ChunkChain {
  amzDate: string;
  scope: string;
  key: Buffer;
  /** The request's signature: the first chunk's "previous" signature. */
  seed: string;
  accessKeyId: string;
}

/**
 * Checks the signature of each chunk of an aws-chunked body (`hex-size;chunk-signature=SIG`), each
 * chaining on the previous one, and the trailer signature (`x-amz-trailer-signature`) when the
 * body ends with trailers. A body that does not parse is left to the service to refuse.
 */
export function verifyChunks(body: Buffer, chain: ChunkChain): SignatureFailure | undefined {
  let previous = chain.seed;
  let pos = 0;
  const mismatch = (stringToSign: string, provided: string): SignatureFailure => ({
    reason: 'mismatch',
    accessKeyId: chain.accessKeyId,
    signatureProvided: provided,
    stringToSign,
    canonicalRequest: '',
  });
  for (;;) {
    const lineEnd = body.indexOf('\r\n', pos);
    if (lineEnd < 0) return undefined;
    const header = body.subarray(pos, lineEnd).toString('latin1');
    const m = /^([0-9a-fA-F]+);chunk-signature=([0-9a-f]{64})$/.exec(header.trim());
    if (!m) return mismatch('', header);
    const size = Number.parseInt(m[1]!, 16);
    const data = body.subarray(lineEnd + 2, lineEnd + 2 + size);
    const stringToSign = [`${ALGORITHM}-PAYLOAD`, chain.amzDate, chain.scope, previous, EMPTY_SHA256, sha256Hex(data)].join('\n');
    const expected = createHmac('sha256', chain.key).update(stringToSign).digest('hex');
    if (!sameSignature(expected, m[2]!)) return mismatch(stringToSign, m[2]!);
    previous = expected;
    pos = lineEnd + 2 + size;
    if (size === 0) break;
    pos += 2;
  }
  const rest = body.subarray(pos).toString('latin1');
  const lines = rest.split('\r\n').filter(Boolean);
  const signatureLine = lines.find((line) => line.toLowerCase().startsWith('x-amz-trailer-signature:'));
  if (!signatureLine) return undefined;
  const provided = signatureLine.slice(signatureLine.indexOf(':') + 1).trim();
  const trailers = lines
    .filter((line) => line !== signatureLine)
    .map((line) => `${line.slice(0, line.indexOf(':')).trim().toLowerCase()}:${line.slice(line.indexOf(':') + 1).trim()}\n`)
    .join('');
  const stringToSign = [`${ALGORITHM}-TRAILER`, chain.amzDate, chain.scope, previous, sha256Hex(trailers)].join('\n');
  const expected = createHmac('sha256', chain.key).update(stringToSign).digest('hex');
  return sameSignature(expected, provided) ? undefined : mismatch(stringToSign, provided);
}

export interface SignedRequestView {
  /** The canonical request and string to sign the caller should have signed. */
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

/** Computes what the caller should have signed with `secret`. */
export function expectedSignature(req: EdgeRequest, parts: SignedParts, amzDate: string, secret: string): SignedRequestView {
  const signed = parts.signedHeaders ?? [];
  const canonicalRequest = [
    req.method,
    canonicalPath(req.rawPath, parts.service),
    canonicalQuery(rawQueryOf(req)),
    canonicalHeaders(req, signed),
    signed.join(';'),
    payloadHash(req, parts),
  ].join('\n');
  const scope = `${parts.day}/${parts.region}/${parts.service}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signature = createHmac('sha256', signingKey(secret, parts.day, parts.region, parts.service))
    .update(stringToSign)
    .digest('hex');
  return { canonicalRequest, stringToSign, signature };
}

/** Which parts of the request carry its signature, if it is SigV4-signed at all. */
export function signedParts(req: EdgeRequest): SignedParts | undefined {
  const auth = req.headers.authorization;
  if (auth) {
    const parts = parseAuthorization(auth);
    return parts && { ...parts, sessionToken: req.headers['x-amz-security-token'] };
  }
  return parsePresigned(req.query);
}

/**
 * Checks a request's SigV4 signature when it is signed with a key `lookup` knows. Unsigned
 * requests and unknown keys are `ok` (with no key).
 */
export function verifySignature(req: EdgeRequest, lookup: KeyLookup, now = Date.now()): SignatureCheck {
  const parts = signedParts(req);
  if (!parts) return { ok: true };
  const key = lookup(parts.accessKeyId);
  if (!key) return { ok: true, accessKeyId: parts.accessKeyId };
  const refuse = (failure: SignatureFailure): SignatureCheck => ({ ok: false, failure, accessKeyId: parts.accessKeyId, key });

  if (parts.presigned && PRESIGN_PARAMS.some((name) => !req.query.get(name))) {
    return refuse(
      malformed(
        parts,
        'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
      ),
    );
  }
  if (!parts.signedHeaders || !parts.signature) {
    return refuse(
      malformed(parts, 'The authorization header is malformed; it requires the Credential, SignedHeaders and Signature components.'),
    );
  }
  if (!key.active) return refuse({ reason: 'invalid-key', accessKeyId: parts.accessKeyId });
  if (key.sessionToken !== undefined) {
    if (parts.sessionToken !== key.sessionToken) return refuse({ reason: 'invalid-token' });
    if (key.expiresAt !== undefined && now > key.expiresAt) return refuse({ reason: 'expired-token' });
  }
  const amzDate = requestTime(req, parts);
  if (!amzDate) return refuse(malformed(parts, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."));
  const timing = checkTime(parts, amzDate, now);
  if (timing && timing.reason !== 'presign-expired') return refuse(timing);

  const expected = expectedSignature(req, parts, amzDate, key.secretAccessKey);
  if (!sameSignature(expected.signature, parts.signature)) {
    return refuse({
      reason: 'mismatch',
      accessKeyId: parts.accessKeyId,
      signatureProvided: parts.signature,
      stringToSign: expected.stringToSign,
      canonicalRequest: expected.canonicalRequest,
    });
  }
  if (timing) return refuse(timing);
  const declared = parts.service === 's3' ? req.headers['x-amz-content-sha256'] : undefined;
  if (declared === STREAMING_SIGNED || declared === STREAMING_SIGNED_TRAILER) {
    const scope = `${parts.day}/${parts.region}/${parts.service}/aws4_request`;
    const chunkKey = signingKey(key.secretAccessKey, parts.day, parts.region, parts.service);
    const chunkFailure = verifyChunks(req.body, { amzDate, scope, key: chunkKey, seed: parts.signature, accessKeyId: parts.accessKeyId });
    if (chunkFailure) return refuse(chunkFailure);
  }
  if (declared && /^[0-9a-f]{64}$/i.test(declared)) {
    const computed = sha256Hex(req.body);
    if (computed !== declared.toLowerCase()) return refuse({ reason: 'content-sha256-mismatch', provided: declared, computed });
  }
  return { ok: true, accessKeyId: parts.accessKeyId, key };
}
