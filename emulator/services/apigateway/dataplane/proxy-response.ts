import { type InvocationResponse, internalServerError } from './context.js';

const ALLOWED = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);

/** Response headers API Gateway owns; a function's values for them come back as `x-amzn-Remapped-<name>`. */
const REMAPPED = new Set(['authorization', 'connection', 'content-length', 'date', 'server', 'transfer-encoding', 'www-authenticate']);
const remapped = (name: string) => (REMAPPED.has(name.toLowerCase()) ? `x-amzn-Remapped-${name}` : name);

const headerValue = (v: unknown) => (typeof v === 'boolean' ? String(v) : typeof v === 'number' ? String(v) : v);

/**
 * Maps a Lambda proxy result `{statusCode, headers, multiValueHeaders, body, isBase64Encoded}` to
 * the HTTP answer; anything else is a malformed proxy response, which AWS answers with a 502.
 */
export function mapProxyResponse(payload: Buffer): InvocationResponse {
  const malformed = () => internalServerError(502);
  let result: unknown;
  try {
    result = JSON.parse(payload.toString('utf8'));
  } catch {
    throw malformed();
  }
  if (!result || typeof result !== 'object' || Array.isArray(result)) throw malformed();
  const r = result as Record<string, unknown>;
  if (Object.keys(r).some((k) => !ALLOWED.has(k))) throw malformed();
  const status = r.statusCode === undefined || r.statusCode === null ? 200 : Number(r.statusCode);
  if (!Number.isInteger(status) || status < 100 || status > 599) throw malformed();
  if (r.body !== undefined && r.body !== null && typeof r.body !== 'string') throw malformed();
  const headers: Record<string, string | string[]> = {};
  if (r.headers !== undefined && r.headers !== null) {
    if (typeof r.headers !== 'object' || Array.isArray(r.headers)) throw malformed();
    for (const [name, value] of Object.entries(r.headers)) {
      const v = headerValue(value);
      if (typeof v !== 'string') throw malformed();
      headers[remapped(name)] = v;
    }
  }
  if (r.multiValueHeaders !== undefined && r.multiValueHeaders !== null) {
    if (typeof r.multiValueHeaders !== 'object' || Array.isArray(r.multiValueHeaders)) throw malformed();
    for (const [name, values] of Object.entries(r.multiValueHeaders)) {
      const list = (Array.isArray(values) ? values : [values]).map(headerValue);
      if (list.some((v) => typeof v !== 'string')) throw malformed();
      for (const key of Object.keys(headers)) if (key.toLowerCase() === remapped(name).toLowerCase()) delete headers[key];
      headers[remapped(name)] = list as string[];
    }
  }
  if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  const body = typeof r.body === 'string' ? (r.isBase64Encoded === true ? Buffer.from(r.body, 'base64') : r.body) : '';
  return { status, headers, body };
}
