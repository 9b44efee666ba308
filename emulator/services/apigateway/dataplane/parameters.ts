import { selectJsonPath } from '../vtl/json-path.js';
import type { Invocation } from './context.js';

/** The integration's answer, for `integration.response.header.X` and `integration.response.body[.path]`. */
export interface IntegrationAnswer {
  headers: Record<string, string>;
  body: string;
}

function fromBody(body: string, path: string): string | undefined {
  if (!path) return body;
  try {
    const value = selectJsonPath(JSON.parse(body), `$.${path}`);
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * Resolves a response parameter mapping expression: `'literal'`, `method.request.header.X`,
 * `method.request.querystring.X`, `method.request.path.X`, `stageVariables.X`, `context.X`,
 * and with the integration's answer `integration.response.header.X`, `integration.response.body`
 * and `integration.response.body.JSONPATH`.
 */
export function resolveMapping(expression: string, inv: Invocation, answer?: IntegrationAnswer): string | undefined {
  const literal = /^'(.*)'$/s.exec(expression);
  if (literal) return literal[1];
  const [source, ...rest] = expression.split('.');
  const name = rest.slice(2).join('.');
  if (source === 'integration' && rest[0] === 'response' && answer) {
    if (rest[1] === 'header') {
      const header = Object.keys(answer.headers).find((h) => h.toLowerCase() === name.toLowerCase());
      return header === undefined ? undefined : answer.headers[header];
    }
    if (rest[1] === 'body') return fromBody(answer.body, name);
  }
  if (source === 'method' && rest[0] === 'request') {
    if (rest[1] === 'header') return inv.request.headers[name.toLowerCase()];
    if (rest[1] === 'querystring') return inv.request.query.get(name) ?? undefined;
    if (rest[1] === 'path') return inv.pathParameters?.[name];
  }
  if (source === 'stageVariables') return inv.stageVariables?.[rest.join('.')];
  if (source === 'context') {
    const context: Record<string, string | undefined> = {
      requestId: inv.requestId,
      extendedRequestId: inv.extendedRequestId,
      apiId: inv.apiId,
      stage: inv.stageName,
      httpMethod: inv.request.method,
      resourcePath: inv.resource?.path,
      resourceId: inv.resource?.id,
      accountId: inv.account,
      domainName: inv.request.domainName,
    };
    return context[rest.join('.')];
  }
  return undefined;
}

/** Applies `<prefix>NAME: expression` mappings (e.g. `method.response.header.`) as response headers. */
export function mappedHeaders(
  parameters: Record<string, string> | undefined,
  prefix: string,
  inv: Invocation,
  answer?: IntegrationAnswer,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [target, expression] of Object.entries(parameters ?? {})) {
    if (!target.startsWith(prefix)) continue;
    const value = resolveMapping(expression, inv, answer);
    if (value !== undefined) headers[target.slice(prefix.length)] = value;
  }
  return headers;
}
