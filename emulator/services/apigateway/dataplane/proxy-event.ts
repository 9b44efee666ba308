import { randomHex } from '../../../core/ids.js';
import type { Invocation } from './context.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `04/Mar/2020:19:15:17 +0000`, as in `requestContext.requestTime`. */
export function requestTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

export function traceId(epochMs: number): string {
  return `Root=1-${Math.floor(epochMs / 1000).toString(16)}-${randomHex(12)}`;
}

/** Header names API Gateway's edge rewrites in canonical case; the rest keep the client's case. */
const CANONICAL: Record<string, string> = { authorization: 'Authorization', 'user-agent': 'User-Agent', host: 'Host' };
const DROPPED = new Set(['content-length', 'connection', 'transfer-encoding', 'keep-alive']);

function proxyHeaders(inv: Invocation): { headers: Record<string, string>; multiValueHeaders: Record<string, string[]> } {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  const add = (name: string, value: string) => {
    headers[name] = value;
    multiValueHeaders[name] = [...(multiValueHeaders[name] ?? []), value];
  };
  for (const [raw, value] of inv.request.rawHeaders) {
    const lower = raw.toLowerCase();
    if (DROPPED.has(lower) || lower.startsWith('x-local-')) continue;
    add(CANONICAL[lower] ?? raw, value);
  }
  const port = /:(\d+)$/.exec(inv.request.domainName)?.[1] ?? '80';
  add('X-Amzn-Trace-Id', traceId(inv.requestTimeEpoch));
  add('X-Forwarded-For', inv.request.sourceIp);
  add('X-Forwarded-Port', port);
  add('X-Forwarded-Proto', 'http');
  return { headers, multiValueHeaders };
}

function queryParameters(query: URLSearchParams) {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [name, value] of query) {
    single[name] = value; // AWS keeps the last value of a repeated parameter
    multi[name] = [...(multi[name] ?? []), value];
  }
  return Object.keys(single).length ? { single, multi } : { single: null, multi: null };
}

function isBinary(contentType: string | undefined, binaryMediaTypes: string[]): boolean {
  if (!contentType || !binaryMediaTypes.length) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return binaryMediaTypes.some((pattern) => {
    const p = pattern.toLowerCase();
    return p === type || p === '*/*' || (p.endsWith('/*') && type.startsWith(p.slice(0, -1)));
  });
}

/** The Lambda proxy integration event, format 1.0, as API Gateway REST APIs build it. */
export function buildProxyEvent(inv: Invocation): Record<string, unknown> {
  const { headers, multiValueHeaders } = proxyHeaders(inv);
  const query = queryParameters(inv.request.query);
  const binary = isBinary(inv.request.headers['content-type'], inv.snapshot!.binaryMediaTypes);
  const body = inv.request.body.length ? inv.request.body.toString(binary ? 'base64' : 'utf8') : null;
  const domainName = inv.request.domainName;
  const resourcePath = inv.resource!.path;
  return {
    resource: resourcePath,
    path: inv.request.path,
    httpMethod: inv.request.method,
    headers,
    multiValueHeaders,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    pathParameters: inv.pathParameters,
    stageVariables: inv.stageVariables,
    requestContext: {
      resourceId: inv.resource!.id,
      resourcePath,
      httpMethod: inv.request.method,
      extendedRequestId: inv.extendedRequestId,
      requestTime: requestTime(inv.requestTimeEpoch),
      path: `/${inv.stageName}${inv.request.path}`,
      accountId: inv.account,
      protocol: 'HTTP/1.1',
      stage: inv.stageName,
      domainPrefix: domainName.split(/[.:]/)[0],
      requestTimeEpoch: inv.requestTimeEpoch,
      requestId: inv.requestId,
      identity: {
        cognitoIdentityPoolId: null,
        accountId: null,
        cognitoIdentityId: null,
        caller: null,
        sourceIp: inv.request.sourceIp,
        principalOrgId: null,
        accessKey: null,
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        userArn: null,
        userAgent: inv.request.headers['user-agent'] ?? null,
        user: null,
      },
      domainName,
      deploymentId: inv.deploymentId,
      apiId: inv.apiId,
      ...(inv.authorizer ? { authorizer: inv.authorizer } : {}),
    },
    body,
    isBase64Encoded: binary && body !== null,
  };
}
