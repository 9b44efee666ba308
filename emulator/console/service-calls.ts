import type { IncomingMessage } from 'node:http';
import type { EdgeRequest, EdgeResponse } from '../core/http.js';
import { requestId } from '../core/ids.js';
import type { Service, ServiceRegistry } from '../core/service.js';

/** Whose resources the console reads, and the edge URL the browser reached. */
export interface Scope {
  account: string;
  region: string;
  edgeUrl: string;
}

/** An error a service answered to the console's call, with its AWS code and HTTP status. */
export class ServiceCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Calls a service's own operations in process, through its codec, exactly as an SDK client of the
 * scope's account and region would (the edge's signature and IAM checks are the only step left
 * out: the console is the local cloud's own tooling).
 */
export class ServiceCalls {
  constructor(
    private readonly services: ServiceRegistry,
    private readonly scope: Scope,
  ) {}

  /** awsJson1_0 / awsJson1_1: `target` is the full X-Amz-Target, e.g. `DynamoDB_20120810.Scan`. */
  json<O>(serviceName: string, target: string, input: object): Promise<O> {
    return this.send<O>(serviceName, {
      method: 'POST',
      path: '/',
      headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify(input),
    });
  }

  /** restJson1: a GET of `path` (labels already percent-encoded) with a query string. */
  rest<O>(serviceName: string, path: string, query: Record<string, string | undefined> = {}): Promise<O> {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, value);
    return this.send<O>(serviceName, { method: 'GET', path, query: params, headers: {} });
  }

  private async send<O>(
    serviceName: string,
    call: { method: string; path: string; query?: URLSearchParams; headers: Record<string, string>; body?: string },
  ): Promise<O> {
    if (!this.services.has(serviceName)) throw new ServiceCallError(404, 'ServiceNotRunning', `The ${serviceName} service is not running.`);
    const service = this.services.get<Service>(serviceName);
    const url = new URL(this.scope.edgeUrl);
    const req: EdgeRequest = {
      method: call.method,
      path: decodeURIComponent(call.path),
      rawPath: call.path,
      query: call.query ?? new URLSearchParams(),
      headers: { host: url.host, ...call.headers },
      body: Buffer.from(call.body ?? ''),
      host: url.host,
      account: this.scope.account,
      region: this.scope.region,
      requestId: requestId(),
      edgeUrl: this.scope.edgeUrl,
      raw: { url: call.path, headers: {} } as IncomingMessage,
    };
    return parse<O>(await service.handle(req));
  }
}

function parse<O>(response: EdgeResponse): O {
  const text = response.body === undefined ? '' : response.body.toString();
  let body: Record<string, unknown> = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw new ServiceCallError(502, 'UnreadableAnswer', `The service answered ${response.status} with a body that is not JSON.`);
  }
  if (response.status >= 300) {
    const header = response.headers?.['x-amzn-errortype'];
    const code = String(body.__type ?? (Array.isArray(header) ? header[0] : header) ?? body.Type ?? 'Error').replace(/^.*#/, '');
    throw new ServiceCallError(response.status, code, String(body.message ?? body.Message ?? `HTTP ${response.status}`));
  }
  return body as O;
}
