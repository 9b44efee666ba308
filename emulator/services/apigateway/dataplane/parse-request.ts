import type { EdgeRequest } from '../../../core/http.js';
import type { InvocationRequest } from './context.js';

export interface Target {
  apiId: string;
  stageName: string;
  request: InvocationRequest;
}

function rawHeaderPairs(req: EdgeRequest): Array<[string, string]> {
  const raw = req.raw?.rawHeaders;
  if (!raw) return Object.entries(req.headers).filter(([name]) => !name.startsWith('x-local-'));
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

/**
 * Reads the API id, stage and path from either URL form: path-style
 * `/restapis/{apiId}/{stage}/_user_request_/{path}` or host-style `{apiId}.execute-api.localhost/{stage}/{path}`.
 */
export function parseTarget(req: EdgeRequest): Target | undefined {
  let apiId: string | undefined;
  let rest: string;
  const pathStyle = /^\/restapis\/([^/]+)\/([^/]+)\/_user_request_(\/.*)?$/.exec(req.rawPath);
  let stageName: string | undefined;
  if (pathStyle) {
    apiId = pathStyle[1];
    stageName = decodeURIComponent(pathStyle[2]!);
    rest = pathStyle[3] ?? '/';
  } else {
    apiId = req.headers['x-local-host-id'];
    const m = /^\/([^/]+)(\/.*)?$/.exec(req.rawPath);
    stageName = m ? decodeURIComponent(m[1]!) : undefined;
    rest = m?.[2] ?? '/';
  }
  if (!apiId || !stageName) return undefined;
  const sourceIp = (req.raw?.socket?.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  return {
    apiId: apiId.toLowerCase(),
    stageName,
    request: {
      method: req.method,
      path: rest,
      rawHeaders: rawHeaderPairs(req),
      headers: Object.fromEntries(Object.entries(req.headers).filter(([name]) => !name.startsWith('x-local-'))),
      query: req.query,
      body: req.body,
      sourceIp: sourceIp === '::1' ? '127.0.0.1' : sourceIp,
      domainName: req.host,
    },
  };
}
