import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * Hand-built SigV4 requests with the SDK's own signer, for what no client call produces: presigned
 * URLs (@aws-sdk/s3-request-presigner is not installed), requests signed at a chosen time, and
 * tampered requests.
 */
export interface SigningOptions {
  service: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  signingDate?: Date;
}

export interface PlainRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

function signer(options: SigningOptions): SignatureV4 {
  return new SignatureV4({
    service: options.service,
    region: options.region ?? 'us-east-1',
    credentials: options.credentials ?? { accessKeyId: 'test', secretAccessKey: 'test' },
    sha256: Sha256,
    uriEscapePath: options.service !== 's3',
  });
}

function toHttpRequest(request: PlainRequest) {
  const url = new URL(request.url);
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  return {
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query,
    headers: { host: url.host, ...request.headers } as Record<string, string>,
    body: request.body,
  };
}

function queryString(query: Record<string, string | string[] | null>): string {
  return Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v ?? ''))}`)
    .join('&');
}

/** A presigned URL as the S3 presigner makes it (UNSIGNED-PAYLOAD, headers hoisted into the query). */
export async function presignUrl(request: PlainRequest, options: SigningOptions & { expiresIn?: number }): Promise<string> {
  const http = toHttpRequest(request);
  if (options.service === 's3') http.headers = { ...http.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
  const signed = await signer(options).presign(http, {
    expiresIn: options.expiresIn ?? 900,
    signingDate: options.signingDate,
    unsignableHeaders: new Set(['content-type']),
  });
  const url = new URL(request.url);
  return `${url.origin}${url.pathname}?${queryString(signed.query as Record<string, string>)}`;
}

/** Signs `request` (header form) and sends it with fetch. */
export async function signedRequest(request: PlainRequest, options: SigningOptions): Promise<Response> {
  const http = toHttpRequest(request);
  if (options.service === 's3') {
    const { createHash } = await import('node:crypto');
    http.headers = {
      ...http.headers,
      'x-amz-content-sha256': createHash('sha256')
        .update(request.body ?? '')
        .digest('hex'),
    };
  }
  const signed = await signer(options).sign(http, { signingDate: options.signingDate });
  const headers = { ...(signed.headers as Record<string, string>) };
  delete headers.host;
  return fetch(request.url, { method: request.method, headers, body: request.body });
}

/**
 * A PUT with a STREAMING-AWS4-HMAC-SHA256-PAYLOAD body, as the Java and Go SDKs send: the seed
 * signature over the headers, then each chunk signed on the previous signature. `tamper` changes
 * the second chunk's data after signing.
 */
export async function streamingSignedPut(
  url: string,
  chunks: Buffer[],
  options: { tamper?: boolean; credentials?: SigningOptions['credentials'] } = {},
): Promise<Response> {
  const { createHash, createHmac } = await import('node:crypto');
  const credentials = options.credentials ?? { accessKeyId: 'test', secretAccessKey: 'test' };
  const decodedLength = chunks.reduce((n, c) => n + c.length, 0);
  const http = toHttpRequest({
    method: 'PUT',
    url,
    headers: {
      'content-encoding': 'aws-chunked',
      'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      'x-amz-decoded-content-length': String(decodedLength),
    },
  });
  const signingDate = new Date();
  const signed = await signer({ service: 's3', credentials }).sign(http, { signingDate });
  const headers = { ...(signed.headers as Record<string, string>) };
  const seed = /Signature=([0-9a-f]{64})/.exec(headers.authorization!)![1]!;
  const amzDate = headers['x-amz-date']!;
  const day = amzDate.slice(0, 8);
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), 'us-east-1'), 's3'), 'aws4_request');
  const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
  let previous = seed;
  const parts: Buffer[] = [];
  for (const [i, chunk] of [...chunks, Buffer.alloc(0)].entries()) {
    const stringToSign = ['AWS4-HMAC-SHA256-PAYLOAD', amzDate, `${day}/us-east-1/s3/aws4_request`, previous, sha(''), sha(chunk)].join(
      '\n',
    );
    previous = createHmac('sha256', key).update(stringToSign).digest('hex');
    const data = options.tamper && i === 1 ? Buffer.from(chunk.toString().toUpperCase()) : chunk;
    parts.push(Buffer.from(`${chunk.length.toString(16)};chunk-signature=${previous}\r\n`), data, Buffer.from('\r\n'));
  }
  delete headers.host;
  return fetch(url, { method: 'PUT', headers, body: Buffer.concat(parts) });
}
