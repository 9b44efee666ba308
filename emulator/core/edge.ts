import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createCallerGuard } from './caller-guard.js';
import { AwsError, toAwsError } from './errors.js';
import { BodyTooLarge, type EdgeRequest, type EdgeResponse, json, readBody, writeResponse } from './http.js';
import { requestId } from './ids.js';
import { resolveService } from './resolve.js';
import type { Service, ServiceRegistry } from './service.js';
import { accountFor, parseCredential } from './sigv4.js';
import type { Store } from './store.js';

/**
 * Routes under /_emulator/ other than health and reset, offered by services: keyed by the route
 * for GET (e.g. "cognito/codes"), by method and route for others (e.g. "POST console/api/...").
 */
export type AdminRoute = (req: EdgeRequest) => Promise<EdgeResponse> | EdgeResponse;

export interface EdgeOptions {
  services: ServiceRegistry;
  store: Store;
  defaultAccount: string;
  defaultRegion: string;
  adminRoutes: Map<string, AdminRoute>;
  /** Largest body the edge reads; API Gateway answers 413 above its own 10 MB limit. */
  maxBodyBytes?: number;
  debug?: boolean;
  /** Verify SigV4 signatures of the keys the local cloud knows (default true). */
  verifySignatures?: boolean;
  /** Evaluate IAM policies of IAM users and assumed roles on their requests (default false). */
  enforceIam?: boolean;
}

/** AWS's own API endpoints answer browsers' CORS preflights; data planes (API Gateway, S3, CloudFront) apply their own rules. */
const DATA_PLANES = new Set(['execute-api', 's3-website', 'cloudfront', 's3']);

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-amzn-requestid,x-amzn-errortype,x-amz-request-id,etag,x-amz-version-id',
};

export function createEdge(options: EdgeOptions): Server {
  const maxBody = options.maxBodyBytes ?? 64 * 1024 * 1024;
  const guard = createCallerGuard({
    services: options.services,
    defaultAccount: options.defaultAccount,
    verifySignatures: options.verifySignatures ?? true,
    enforceIam: options.enforceIam ?? false,
  });

  async function handle(raw: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = requestId();
    const url = new URL(raw.url ?? '/', 'http://localhost');
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(raw.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    const host = headers.host ?? 'localhost';
    const rawPath = (raw.url ?? '/').split('?')[0]!;
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      path = rawPath;
    }

    if (path.startsWith('/_emulator/') || path === '/_emulator') {
      return handleAdmin(raw, res, path, url.searchParams, headers, host, rawPath, id);
    }

    const credential = parseCredential(headers, url.searchParams);
    const resolution = resolveService(host, path, headers, credential);
    // A browser's preflight for an awsJson call (Cognito's SignUp...) has no X-Amz-Target yet, so it
    // resolves to S3 by default; it names the header among those to come, which S3 never uses.
    const awsJsonPreflight =
      raw.method === 'OPTIONS' &&
      resolution.service === 's3' &&
      /(^|,)\s*x-amz-target\s*(,|$)/i.test(headers['access-control-request-headers'] ?? '');
    const dataPlane = DATA_PLANES.has(resolution.service) && !awsJsonPreflight;
    const cors = dataPlane ? {} : CORS_HEADERS;
    if (raw.method === 'OPTIONS' && !dataPlane) {
      writeResponse(res, {
        status: 200,
        headers: {
          ...CORS_HEADERS,
          'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS',
          'access-control-allow-headers': headers['access-control-request-headers'] ?? '*',
          'access-control-max-age': '86400',
        },
      });
      raw.resume();
      return;
    }

    const serviceName =
      resolution.service === 's3-website' ? 's3' : resolution.service === 'execute-api' ? 'apigateway' : resolution.service;
    let body: Buffer;
    try {
      body = await readBody(raw, maxBody);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        writeResponse(res, json(413, { message: 'Request Too Long' }), { 'x-amzn-requestid': id });
        return;
      }
      throw err;
    }
    const req: EdgeRequest = {
      method: raw.method ?? 'GET',
      path,
      rawPath,
      query: url.searchParams,
      headers,
      body,
      host,
      account: accountFor(credential?.accessKeyId, options.defaultAccount),
      region: credential?.region ?? options.defaultRegion,
      requestId: id,
      accessKeyId: credential?.accessKeyId,
      edgeUrl: `http://${host}`,
      raw,
    };
    if (resolution.hostId) req.headers['x-local-host-id'] = resolution.hostId;
    req.headers['x-local-service'] = resolution.service;

    if (!options.services.has(serviceName)) {
      const err = new AwsError('InvalidAction', `The local cloud does not implement the ${serviceName} service yet.`, 501);
      writeResponse(res, json(err.status, { __type: err.code, message: err.message }), {
        ...cors,
        'x-amzn-requestid': id,
        'x-amzn-errortype': err.code,
      });
      return;
    }
    const refused = guard(req, resolution.service);
    if (refused) {
      writeResponse(res, refused, { ...cors, 'x-amzn-requestid': id });
      return;
    }
    const service = options.services.get<Service>(serviceName);
    const started = Date.now();
    let response: EdgeResponse;
    try {
      response = await service.handle(req);
    } catch (err) {
      const awsErr = toAwsError(err);
      response = json(awsErr.status, { __type: awsErr.code, message: awsErr.message }, { 'x-amzn-errortype': awsErr.code });
    }
    if (options.debug) console.log(`[edge] ${req.method} ${host}${raw.url} -> ${serviceName} ${response.status} ${Date.now() - started}ms`);
    writeResponse(res, response, { ...cors, 'x-amzn-requestid': id });
  }

  async function handleAdmin(
    raw: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: URLSearchParams,
    headers: Record<string, string>,
    host: string,
    rawPath: string,
    id: string,
  ): Promise<void> {
    const cors = { ...CORS_HEADERS, 'access-control-allow-methods': 'GET,POST,OPTIONS', 'access-control-allow-headers': '*' };
    let body: Buffer;
    try {
      body = await readBody(raw, 1024 * 1024);
    } catch (err) {
      if (err instanceof BodyTooLarge) return writeResponse(res, json(413, { message: 'Request Too Long' }), cors);
      throw err;
    }
    if (raw.method === 'OPTIONS') return writeResponse(res, { status: 204 }, cors);
    const route = path.replace(/^\/_emulator\/?/, '').replace(/\/$/, '');
    if (route === 'health' && raw.method === 'GET') {
      const services: Record<string, unknown> = {};
      for (const service of options.services.all()) services[service.name] = { state: 'running', ...service.health?.() };
      return writeResponse(res, json(200, { status: 'running', services }), cors);
    }
    if (route === 'reset' && raw.method === 'POST') {
      for (const service of options.services.all()) await service.reset?.();
      options.store.clear();
      return writeResponse(res, json(200, { reset: true }), cors);
    }
    const handler = options.adminRoutes.get(raw.method === 'GET' ? route : `${raw.method} ${route}`);
    if (handler) {
      const req: EdgeRequest = {
        method: raw.method ?? 'GET',
        path,
        rawPath,
        query,
        headers,
        body,
        host,
        account: options.defaultAccount,
        region: options.defaultRegion,
        requestId: id,
        edgeUrl: `http://${host}`,
        raw,
      };
      return writeResponse(res, await handler(req), cors);
    }
    writeResponse(res, json(404, { message: `No such local cloud route: ${raw.method} ${path}` }), cors);
  }

  const server = createServer((raw, res) => {
    handle(raw, res).catch((err) => {
      console.error('[edge] request failed:', err);
      if (!res.headersSent) writeResponse(res, json(500, { message: 'Internal error in the local cloud' }));
      else res.destroy();
    });
  });
  server.on('clientError', refuseMalformed);
  return server;
}

/**
 * Requests Node's HTTP parser refuses (CR or LF inside a header, request smuggling, oversized
 * headers) never reach a service: they get a 4xx with a message, like every other refusal.
 */
function refuseMalformed(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify({
    message: tooLarge ? 'Request header fields too large' : `Malformed HTTP request (${err.code ?? 'parse error'})`,
  });
  socket.end(
    `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
