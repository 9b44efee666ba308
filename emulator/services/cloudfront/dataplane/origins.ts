import { request } from 'node:http';
import type { Origin } from '@aws-sdk/client-cloudfront';
import type { EdgeRequest, EdgeResponse } from '../../../core/http.js';
import type { ServiceRegistry } from '../../../core/service.js';
import type { S3Service } from '../../s3/index.js';

export interface OriginResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface OriginRequest {
  method: string;
  /** Encoded path of the object at the origin (the origin path already prefixed). */
  rawPath: string;
  /** Query string forwarded to the origin, without `?` ('' for none). */
  query: string;
  headers: Record<string, string>;
  body: Buffer;
  requestId: string;
}

/** `{bucket}.s3-website-{region}.amazonaws.com`, `{bucket}.s3-website.{region}.amazonaws.com`, `{bucket}.s3-website.localhost[:port]` */
const WEBSITE_HOST = /^(.+)\.s3-website([.-][a-z0-9-]+)*\.(amazonaws\.com|localhost)(:\d+)?$/;
/** `{bucket}.s3.amazonaws.com`, `{bucket}.s3.{region}.amazonaws.com`, `{bucket}.s3-{region}.amazonaws.com`, `{bucket}.s3.localhost[:port]` */
const REST_HOST = /^(.+?)\.s3([.-][a-z0-9-]+)*\.(amazonaws\.com|localhost)(:\d+)?$/;
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|.+\.localhost)(:\d+)?$/;

/** Hop-by-hop headers that do not travel through a proxy. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
  'content-length',
]);

function fromEdge(response: EdgeResponse): OriginResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const body = response.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body);
  return { status: response.status, headers, body };
}

function decodePath(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return rawPath;
  }
}

/** Viewer headers an S3 origin sees (CloudFront answers conditional requests itself, from the full object). */
function forwardedToS3(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['origin', 'referer', 'user-agent']) {
    if (headers[name] !== undefined) out[name] = headers[name];
  }
  return out;
}

function accessDenied(requestId: string): OriginResponse {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>${requestId}</RequestId></Error>`;
  return { status: 403, headers: { 'content-type': 'application/xml' }, body: Buffer.from(body) };
}

/**
 * Fetches an object from a distribution's origin: S3 website and S3 REST origins are served by the
 * local S3 service directly; other origins on this machine (`*.localhost`) through the edge over
 * HTTP; anything else is unreachable offline (undefined).
 */
export async function fetchFromOrigin(
  services: ServiceRegistry,
  edgeUrl: string,
  origin: Origin,
  req: OriginRequest,
): Promise<OriginResponse | undefined> {
  const domain = (origin.DomainName ?? '').toLowerCase();
  const website = WEBSITE_HOST.exec(domain);
  if (website && services.has('s3')) {
    const s3 = services.get<S3Service>('s3');
    const method = req.method === 'HEAD' ? 'HEAD' : 'GET';
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      // The website endpoint only reads: it answers other methods with 405 MethodNotAllowed.
      return {
        status: 405,
        headers: { 'content-type': 'text/html; charset=utf-8', 'x-amz-error-code': 'MethodNotAllowed' },
        body: Buffer.alloc(0),
      };
    }
    const response = await s3.websiteResponse(website[1]!, {
      method,
      path: decodePath(req.rawPath),
      rawPath: req.rawPath,
      headers: forwardedToS3(req.headers),
      requestId: req.requestId,
      host: domain,
    });
    return fromEdge(response);
  }
  const rest = REST_HOST.exec(domain);
  if (rest && origin.S3OriginConfig !== undefined && services.has('s3')) {
    const s3 = services.get<S3Service>('s3');
    const bucket = rest[1]!;
    const trusted = Boolean(origin.OriginAccessControlId || origin.S3OriginConfig.OriginAccessIdentity);
    if (trusted) {
      // Origin access control: CloudFront reads as the bucket's owner allows it (GetObject only).
      const object = s3.readObject(bucket, decodePath(req.rawPath).replace(/^\//, ''));
      if (!object) return accessDenied(req.requestId);
      return {
        status: 200,
        headers: { 'content-type': object.contentType, etag: object.etag, 'last-modified': object.lastModified.toUTCString() },
        body: object.body,
      };
    }
    const response = await s3.handle({
      method: req.method === 'HEAD' ? 'HEAD' : 'GET',
      path: decodePath(req.rawPath),
      rawPath: req.rawPath,
      query: new URLSearchParams(req.query),
      headers: { ...forwardedToS3(req.headers), host: domain, 'x-local-service': 's3', 'x-local-host-id': bucket },
      body: Buffer.alloc(0),
      host: domain,
      account: '',
      region: '',
      requestId: req.requestId,
      edgeUrl,
      raw: {
        url: req.rawPath + (req.query ? `?${req.query}` : ''),
        socket: { remoteAddress: '127.0.0.1' },
      } as unknown as EdgeRequest['raw'],
    });
    return fromEdge(response);
  }
  if (LOCAL_HOST.test(domain)) return viaEdge(edgeUrl, domain, req);
  return undefined;
}

/** A request to another local endpoint (an API Gateway stage, a website) through the edge, with the origin's Host. */
function viaEdge(edgeUrl: string, domain: string, req: OriginRequest): Promise<OriginResponse | undefined> {
  const port = Number(new URL(edgeUrl).port || 80);
  const host = domain.includes(':') ? domain : `${domain}:${port}`;
  const headers: Record<string, string> = { ...req.headers, host };
  for (const name of HOP_BY_HOP) delete headers[name];
  return new Promise((resolve) => {
    const outgoing = request(
      { host: '127.0.0.1', port, method: req.method, path: req.rawPath + (req.query ? `?${req.query}` : ''), headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
        });
        res.on('error', () => resolve(undefined));
      },
    );
    outgoing.on('error', () => resolve(undefined));
    outgoing.end(req.body.length ? req.body : undefined);
  });
}
