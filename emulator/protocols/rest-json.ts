import { AwsError, toAwsError } from '../core/errors.js';
import type { EdgeRequest, EdgeResponse } from '../core/http.js';
import type { Operation, OperationContext } from './aws-json.js';

/**
 * The restJson1 codec: an operation is chosen by method and path template; its input gathers the
 * path labels, the query parameters and the JSON body. An operation may return a raw EdgeResponse
 * (marked with `$response`) when its output lives in headers or a raw body (Lambda Invoke).
 */
export interface RestRoute<C> {
  method: string;
  /** e.g. "/2015-03-31/functions/{FunctionName}/invocations"; a label ending in "+" is greedy. */
  path: string;
  operation: string;
  /** Query parameter name → input member name. */
  query?: Record<string, string>;
  /** Header name (lower case) → input member name. */
  headers?: Record<string, string>;
  /** Input member that receives the raw body instead of parsed JSON. */
  rawBody?: string;
  /** HTTP status of a successful answer (default 200). */
  status?: number;
  handler: Operation<any, any, C>;
}

export interface RawResponse {
  $response: EdgeResponse;
}

interface CompiledRoute<C> extends RestRoute<C> {
  pattern: RegExp;
  labels: string[];
}

function compile<C>(route: RestRoute<C>): CompiledRoute<C> {
  const labels: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const m = /^\{(\w+)(\+?)\}$/.exec(segment);
      if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      labels.push(m[1]!);
      return m[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  return { ...route, labels, pattern: new RegExp(`^${source}/?$`) };
}

export function restJsonHandler<C extends OperationContext>(options: {
  serviceName: string;
  routes: RestRoute<C>[];
  context: (req: EdgeRequest) => C;
  /** How errors look on the wire for this service. */
  errorBody?: (err: AwsError) => unknown;
}): (req: EdgeRequest) => Promise<EdgeResponse> {
  const routes = options.routes.map(compile);
  const errorBody = options.errorBody ?? ((err: AwsError) => ({ message: err.message, ...err.extra }));
  return async (req) => {
    try {
      const pathMatches = routes.filter((r) => r.pattern.test(req.rawPath));
      const route = pathMatches.find((r) => r.method === req.method);
      if (!route) {
        if (pathMatches.length) throw new AwsError('MethodNotAllowedException', `${req.method} is not allowed on ${req.path}`, 405);
        throw new AwsError(
          'UnknownOperationException',
          `The local ${options.serviceName} service does not implement ${req.method} ${req.path} yet.`,
          404,
        );
      }
      const input: Record<string, unknown> = {};
      // The body first: members bound to the path, query or headers are never taken from it.
      if (route.rawBody) {
        input[route.rawBody] = req.body;
      } else if (req.body.length) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(req.body.toString('utf8'));
        } catch {
          throw new AwsError('SerializationException', 'Could not parse request body into json: Unexpected character', 400);
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
          throw new AwsError('SerializationException', 'Could not parse request body into json: expected an object', 400);
        }
        for (const [member, value] of Object.entries(parsed)) if (member !== '__proto__') input[member] = value;
      }
      const match = route.pattern.exec(req.rawPath)!;
      route.labels.forEach((label, i) => {
        try {
          input[label] = decodeURIComponent(match[i + 1]!);
        } catch {
          throw new AwsError('SerializationException', `The path segment for ${label} is not valid percent-encoding.`, 400);
        }
      });
      for (const [param, member] of Object.entries(route.query ?? {})) {
        const values = req.query.getAll(param);
        if (values.length) input[member] = values.length === 1 ? values[0] : values;
        else delete input[member];
      }
      for (const [header, member] of Object.entries(route.headers ?? {})) {
        if (req.headers[header] !== undefined) input[member] = req.headers[header];
        else delete input[member];
      }
      const output = await route.handler(input, options.context(req));
      if (output && typeof output === 'object' && '$response' in output) return (output as RawResponse).$response;
      const status = route.status ?? 200;
      return {
        status,
        headers: { 'content-type': 'application/json' },
        body: status === 204 ? '' : JSON.stringify(output ?? {}),
      };
    } catch (err) {
      const awsErr = toAwsError(err);
      return {
        status: awsErr.status,
        headers: { 'content-type': 'application/json', 'x-amzn-errortype': awsErr.code },
        body: JSON.stringify(errorBody(awsErr)),
      };
    }
  };
}
