import { AwsError, toAwsError } from '../../../core/errors.js';
import type { EdgeRequest, EdgeResponse } from '../../../core/http.js';
import type { Operation, OperationContext } from '../../../protocols/aws-json.js';
import { escapeXml } from '../../../protocols/xml.js';
import { type Member, type OperationSchema, operationOf } from './schema.js';
import { readXmlPayload, XmlShapeError } from './xml-read.js';
import { CLOUDFRONT_XMLNS, xmlDocument } from './xml-write.js';

interface Route<C> {
  op: OperationSchema;
  pattern: RegExp;
  labels: string[];
  /** Query parameters the URI names literally (`?WithTags`, `?Operation=Tag`). */
  literalQuery: Array<[string, string | undefined]>;
  handler: Operation<any, any, C>;
}

function compile<C>(schema: unknown, handler: Operation<any, any, C>): Route<C> {
  const op = operationOf(schema);
  const [path, query = ''] = op.uri.split('?');
  const labels: string[] = [];
  const source = path!
    .split('/')
    .map((segment) => {
      const m = /^\{(\w+)(\+?)\}$/.exec(segment);
      if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      labels.push(m[1]!);
      return m[2] ? '(.+)' : '([^/]+)';
    })
    .join('/');
  const literalQuery = query
    ? query.split('&').map((pair): [string, string | undefined] => {
        const [k, v] = pair.split('=');
        return [k!, v];
      })
    : [];
  return { op, pattern: new RegExp(`^${source}/?$`), labels, literalQuery, handler };
}

function errorResponse(err: AwsError, requestId: string): EdgeResponse {
  const body =
    `<?xml version="1.0"?>\n<ErrorResponse xmlns="${CLOUDFRONT_XMLNS}"><Error><Type>${err.fault === 'client' ? 'Sender' : 'Receiver'}</Type>` +
    `<Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`;
  return { status: err.status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

function decodeLabel(raw: string, malformed: (message: string) => AwsError): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw malformed(`The request path holds an invalid percent-encoding: ${raw}`);
  }
}

const payloadMember = (members: Member[]) => members.find((m) => m.traits.httpPayload);

/**
 * The restXml codec, driven by the SDK's operation schemas: the route is the operation's HTTP
 * trait, labels, query strings and headers bind to the input members that name them, and the
 * payload member is read from (and written to) the XML body with the model's element names.
 */
export function restXmlHandler<C extends OperationContext>(options: {
  serviceName: string;
  operations: Array<[schema: unknown, handler: Operation<any, any, C>]>;
  context: (req: EdgeRequest) => C;
  /** Raised when the body does not fit the model. */
  malformed: (message: string) => AwsError;
  /** Every operation schema of the service, to name an operation that is not implemented. */
  allSchemas?: unknown[];
}): (req: EdgeRequest) => Promise<EdgeResponse> {
  const bySpecificity = <R extends { literalQuery: unknown[] }>(a: R, b: R) => b.literalQuery.length - a.literalQuery.length;
  const routes = options.operations.map(([schema, handler]) => compile(schema, handler)).sort(bySpecificity);
  const known = (options.allSchemas ?? []).map((schema) => compile(schema, () => undefined)).sort(bySpecificity);
  const matches = (r: { pattern: RegExp; literalQuery: Array<[string, string | undefined]> }, req: EdgeRequest) =>
    r.pattern.test(req.rawPath) && r.literalQuery.every(([k, v]) => req.query.has(k) && (v === undefined || req.query.get(k) === v));

  return async (req) => {
    try {
      const candidates = routes.filter((r) => matches(r, req));
      const route = candidates.find((r) => r.op.method === req.method);
      if (!route) {
        const unimplemented = known.find((r) => r.op.method === req.method && matches(r, req));
        if (unimplemented) {
          throw new AwsError(
            'InvalidAction',
            `The operation ${unimplemented.op.name} is not supported by the local ${options.serviceName} service yet.`,
            400,
          );
        }
        throw new AwsError(
          'InvalidAction',
          `The local ${options.serviceName} service does not implement ${req.method} ${req.path}${req.query.size ? `?${req.query}` : ''} yet.`,
          candidates.length ? 405 : 400,
        );
      }
      const input: Record<string, unknown> = {};
      const match = route.pattern.exec(req.rawPath)!;
      const inputShape = route.op.input;
      const members = inputShape.kind === 'structure' ? inputShape.members : [];
      for (const member of members) {
        const { httpLabel, httpQuery, httpHeader, httpPayload } = member.traits;
        if (httpLabel) {
          input[member.name] = decodeLabel(match[route.labels.indexOf(member.name) + 1] ?? '', options.malformed);
        } else if (httpQuery !== undefined && req.query.has(httpQuery)) {
          const raw = req.query.get(httpQuery)!;
          const kind = member.shape().kind;
          input[member.name] = kind === 'number' ? Number(raw) : kind === 'boolean' ? raw === 'true' : raw;
        } else if (httpHeader !== undefined && req.headers[httpHeader.toLowerCase()] !== undefined) {
          input[member.name] = req.headers[httpHeader.toLowerCase()];
        } else if (httpPayload && req.body.length) {
          try {
            input[member.name] = readXmlPayload(member, req.body.toString('utf8'));
          } catch (err) {
            if (err instanceof XmlShapeError) throw options.malformed(err.message);
            throw err;
          }
        }
      }
      const output = ((await route.handler(input, options.context(req))) ?? {}) as Record<string, unknown>;
      const headers: Record<string, string> = { 'x-amzn-requestid': req.requestId };
      let body = '';
      const outputShape = route.op.output;
      if (outputShape?.kind === 'structure') {
        for (const member of outputShape.members) {
          const value = output[member.name];
          if (value === undefined) continue;
          if (member.traits.httpHeader) headers[member.traits.httpHeader.toLowerCase()] = String(value);
        }
        const payload = payloadMember(outputShape.members);
        if (payload && output[payload.name] !== undefined) {
          headers['content-type'] = 'text/xml';
          body = xmlDocument(payload, output[payload.name] as Record<string, unknown>);
        }
      }
      return { status: route.op.status, headers, body };
    } catch (err) {
      return errorResponse(toAwsError(err), req.requestId);
    }
  };
}
