/**
 * One handler body serves both integration styles of API Gateway:
 * - Lambda proxy (event format 1.0): caller from `requestContext.authorizer.claims`, id from
 *   `pathParameters`, body parsed from JSON; the answer is `{statusCode, headers, body}`.
 * - Mapping mode (non-proxy, request templates): the event is the template's JSON object
 *   (`cognitoUsername`, `id`, `message`, `users`, `since`); the answer is the result itself, and an
 *   error is thrown with its status before a JSON body (`[403] {"message":"..."}`): the integration
 *   responses select on the status and pass the JSON on as the response body.
 */

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiRequest {
  caller: string;
  id?: string;
  /** The request body: parsed JSON in proxy mode, the mapped member in mapping mode. */
  body: unknown;
  since?: number;
}

export interface ApiResult {
  status: number;
  body?: unknown;
}

export type ApiFunction = (request: ApiRequest) => Promise<ApiResult>;

interface ProxyEvent {
  httpMethod: string;
  body: string | null;
  isBase64Encoded?: boolean;
  pathParameters?: Record<string, string> | null;
  queryStringParameters?: Record<string, string> | null;
  requestContext?: { authorizer?: { claims?: Record<string, string> } | null };
}

interface MappedEvent {
  cognitoUsername?: string;
  id?: string;
  message?: unknown;
  users?: unknown;
  since?: unknown;
}

export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token',
};

function isProxyEvent(event: unknown): event is ProxyEvent {
  return typeof event === 'object' && event !== null && 'httpMethod' in event && 'requestContext' in event;
}

function parseSince(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const since = Number(value);
  if (!Number.isFinite(since) || since < 0) throw new HttpError(400, '"since" must be a time in epoch milliseconds');
  return since;
}

function fromProxy(event: ProxyEvent): ApiRequest {
  const caller = event.requestContext?.authorizer?.claims?.['cognito:username'];
  if (!caller) throw new HttpError(401, 'Unauthorized');
  let body: unknown;
  if (event.body !== null && event.body !== undefined && event.body !== '') {
    const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'The request body is not valid JSON');
    }
  }
  return { caller, id: event.pathParameters?.id, body, since: parseSince(event.queryStringParameters?.since) };
}

/** Templates URL-encode path, query and claim strings (as Java's URLEncoder: space is '+'). */
function urlDecoded(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw new HttpError(400, 'Malformed parameter encoding');
  }
}

function fromMapping(event: MappedEvent): ApiRequest {
  const caller = urlDecoded(event.cognitoUsername);
  if (!caller) throw new HttpError(401, 'Unauthorized');
  return {
    caller,
    id: urlDecoded(event.id),
    body: event.message !== undefined ? event.message : event.users,
    since: parseSince(urlDecoded(typeof event.since === 'string' ? event.since : undefined) ?? event.since),
  };
}

export function apiHandler(fn: ApiFunction) {
  return async (event: unknown): Promise<unknown> => {
    const proxy = isProxyEvent(event);
    try {
      const request = proxy ? fromProxy(event) : fromMapping((event ?? {}) as MappedEvent);
      const result = await fn(request);
      if (!proxy) return result.body;
      return {
        statusCode: result.status,
        headers: { ...CORS_HEADERS, ...(result.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: result.body === undefined ? '' : JSON.stringify(result.body),
      };
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 500;
      const message = err instanceof HttpError ? err.message : 'Internal server error';
      if (!(err instanceof HttpError)) console.error(err);
      if (!proxy) throw new Error(`[${status}] ${JSON.stringify({ message })}`);
      return { statusCode: status, headers: { ...CORS_HEADERS, 'Content-Type': 'application/json' }, body: JSON.stringify({ message }) };
    }
  };
}
