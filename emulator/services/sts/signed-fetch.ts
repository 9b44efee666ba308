import { createHash, createHmac } from 'node:crypto';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const rfc3986 = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface SignedFetchOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  region?: string;
  service: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** The x-amz-content-sha256 value when it is not the body's hash (e.g. a STREAMING-... payload). */
  payloadHash?: string;
}

/**
 * fetch with a SigV4 Authorization header, for calls no installed SDK client makes (STS here, as
 * @aws-sdk/client-sts is not installed) and for hand-built S3 requests in tests.
 */
export function signedFetch(url: string, options: SignedFetchOptions): Promise<Response> {
  const target = new URL(url);
  const method = options.method ?? 'GET';
  const body = options.body ?? '';
  const region = options.region ?? 'us-east-1';
  const now = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = now.slice(0, 8);
  const payloadHash = options.payloadHash ?? sha256(body);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
  headers.host = target.host;
  headers['x-amz-date'] = now;
  headers['x-amz-content-sha256'] = payloadHash;
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((name) => `${name}:${headers[name]!.trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const query = [...target.searchParams]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [method, target.pathname, query, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${day}/${region}/${options.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', now, scope, sha256(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${options.secretAccessKey ?? 'test'}`, day), region), options.service), 'aws4_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${options.accessKeyId ?? 'test'}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  delete headers.host;
  return fetch(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body });
}
