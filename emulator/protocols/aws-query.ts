import { AwsError, toAwsError, unknownOperation } from '../core/errors.js';
import type { EdgeRequest, EdgeResponse } from '../core/http.js';
import type { Operation, OperationContext } from './aws-json.js';
import { escapeXml, toXml } from './xml.js';

/** A list or structure being assembled from flattened parameter names. */
interface QueryNode {
  list: boolean;
  children: Map<string | number, QueryNode | string>;
}

const node = (list: boolean): QueryNode => ({ list, children: new Map() });

/** Lists in index order without holes; structures as plain objects (own properties only, whatever the names). */
function materialize(value: QueryNode | string): unknown {
  if (typeof value === 'string') return value;
  if (value.list) {
    return [...value.children.entries()].sort(([a], [b]) => (a as number) - (b as number)).map(([, child]) => materialize(child));
  }
  return Object.fromEntries([...value.children.entries()].map(([name, child]) => [name, materialize(child)]));
}

/**
 * Turns awsQuery form parameters into a nested input: `Tags.member.1.Key=k` becomes
 * `{Tags: [{Key: 'k'}]}`; `Attributes.entry.1.key/value` pairs become a map. Indexes only order
 * the items (a huge one costs nothing); a parameter that contradicts an earlier one (a value
 * where a list or structure is, or the other way round) or names `__proto__` is ignored.
 */
export function parseQueryParams(params: URLSearchParams): Record<string, unknown> {
  const root = node(false);
  const isIndex = (part: string | undefined) => part !== undefined && /^\d+$/.test(part);
  const isListMarker = (part: string | undefined) => part === 'member' || part === 'entry';
  for (const [key, value] of params) {
    if (key === 'Action' || key === 'Version') continue;
    const parts = key.split('.');
    let current = root;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (isListMarker(part)) continue;
      if (isIndex(part) !== current.list || part === '__proto__') break;
      const slot = current.list ? Number(part) : part;
      const existing = current.children.get(slot);
      if (i === parts.length - 1) {
        if (existing === undefined) current.children.set(slot, value);
        break;
      }
      if (typeof existing === 'string') break;
      let child = existing;
      if (!child) {
        child = node(isListMarker(parts[i + 1]) || isIndex(parts[i + 1]));
        current.children.set(slot, child);
      }
      current = child;
    }
  }
  return mapsFromEntries(materialize(root)) as Record<string, unknown>;
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
