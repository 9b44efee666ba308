import { AwsError, toAwsError, unknownOperation } from '../core/errors.js';
import type { EdgeRequest, EdgeResponse } from '../core/http.js';
import type { Operation, OperationContext } from './aws-json.js';
import { escapeXml, toXml } from './xml.js';

/**
 * Turns awsQuery form parameters into a nested input: `Tags.member.1.Key=k` becomes
 * `{Tags: [{Key: 'k'}]}`; `Attributes.entry.1.key/value` pairs become a map.
 */
export function parseQueryParams(params: URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of params) {
    if (key === 'Action' || key === 'Version') continue;
    const parts = key.split('.');
    let node: any = root;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const last = i === parts.length - 1;
      if (part === 'member' || part === 'entry') continue;
      const isIndex = /^\d+$/.test(part);
      const slot = isIndex ? Number(part) - 1 : part;
      if (last) {
        node[slot] = value;
      } else {
        const next = parts[i + 1] === 'member' || /^\d+$/.test(parts[i + 1] ?? '') ? [] : {};
        node[slot] ??= next;
        node = node[slot];
      }
    }
  }
  return mapsFromEntries(root) as Record<string, unknown>;
}

/** `[{key, value}]` lists produced by `.entry.N.key/value` become plain maps. */
function mapsFromEntries(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.filter((v) => v !== undefined);
    if (items.length && items.every((v) => v && typeof v === 'object' && 'key' in v && 'value' in v && Object.keys(v).length === 2)) {
      return Object.fromEntries(items.map((v: any) => [v.key, mapsFromEntries(v.value)]));
    }
    return items.map(mapsFromEntries);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapsFromEntries(v)]));
  }
  return value;
}

export function awsQueryHandler<C extends OperationContext>(options: {
  serviceName: string;
  xmlns: string;
  operations: Record<string, Operation<any, any, C>>;
  context: (req: EdgeRequest) => C;
}): (req: EdgeRequest) => Promise<EdgeResponse> {
  return async (req) => {
    try {
      const params = new URLSearchParams(req.method === 'GET' ? req.query : req.body.toString('utf8'));
      const action = params.get('Action') ?? '';
      const operation = Object.hasOwn(options.operations, action) ? options.operations[action] : undefined;
      if (!operation) throw unknownOperation(options.serviceName, action || '(no Action)');
      const output = (await operation(parseQueryParams(params), options.context(req))) ?? {};
      const result = Object.entries(output as Record<string, unknown>)
        .map(([k, v]) => toXml(k, v))
        .join('');
      const body =
        `<${action}Response xmlns="${options.xmlns}"><${action}Result>${result}</${action}Result>` +
        `<ResponseMetadata><RequestId>${req.requestId}</RequestId></ResponseMetadata></${action}Response>`;
      return { status: 200, headers: { 'content-type': 'text/xml' }, body };
    } catch (err) {
      const e = toAwsError(err);
      const body =
        `<ErrorResponse xmlns="${options.xmlns}"><Error><Type>${e.fault === 'client' ? 'Sender' : 'Receiver'}</Type>` +
        `<Code>${escapeXml(e.code)}</Code><Message>${escapeXml(e.message)}</Message></Error>` +
        `<RequestId>${req.requestId}</RequestId></ErrorResponse>`;
      return { status: e.status, headers: { 'content-type': 'text/xml' }, body };
    }
  };
}

export { AwsError };
