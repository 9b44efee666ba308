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
