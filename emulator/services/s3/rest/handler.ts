import { randomBytes } from 'node:crypto';
import { AwsError, toAwsError } from '../../../core/errors.js';
import type { EdgeRequest, EdgeResponse } from '../../../core/http.js';
import { bucketArn, type Caller, conditionContext, isAllowed, objectArn } from '../access.js';
import { corsHeaders, preflightHeaders } from '../cors.js';
import { AccessDenied, accessDenied, InvalidRequest, invalidArgument, noSuchBucket, notImplemented } from '../errors.js';
import type { S3Context } from '../operations/context.js';
import { OPERATIONS, type S3OperationName } from '../operations/index.js';
import type { S3Storage } from '../storage.js';
import { BINDINGS, type Binding, type Field, type Scalar } from './bindings.js';
import { decodePayload, verifyIntegrity } from './payload.js';
import { bucketAndKey, routeRequest, type S3Route } from './route.js';
import { errorDocument, xmlDocument } from './xml.js';

export interface S3HandlerDeps {
  storage: S3Storage;
  callerOf(req: EdgeRequest): Caller;
}

const hostId = () => randomBytes(48).toString('base64');

function readScalar(value: string, type: Scalar | undefined, name: string): unknown {
  switch (type) {
    case 'integer': {
      if (!/^-?\d+$/.test(value.trim())) throw invalidArgument(`Provided ${name} not an integer or within integer range`, name, value);
      return Number(value);
    }
    case 'boolean':
      return value.trim().toLowerCase() === 'true';
    case 'timestamp':
      return new Date(value);
    default:
      return value;
  }
}

function writeScalar(value: unknown): string {
  if (value instanceof Date) return value.toUTCString();
  return String(value);
}

function readFields(
  fields: Field[] | undefined,
  lookup: (name: string) => string | null | undefined,
  input: Record<string, unknown>,
): void {
  for (const [member, name, type] of fields ?? []) {
    const value = lookup(name);
    if (value !== undefined && value !== null) input[member] = readScalar(value, type, name);
  }
}

/** The operation input: bucket and key from the route, members from the query, headers and body. */
function parseInput(
  binding: Binding,
  route: S3Route,
  query: URLSearchParams,
  headers: Record<string, string>,
  body: Buffer,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (route.bucket !== undefined) input.Bucket = route.bucket;
  if (route.key !== undefined) input.Key = route.key;
  readFields(binding.query, (name) => query.get(name), input);
  readFields(binding.headers, (name) => headers[name], input);
  if (binding.metadata) {
    const metadata: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) if (name.startsWith('x-amz-meta-')) metadata[name.slice(11)] = value;
    input.Metadata = metadata;
  }
  const payload = binding.payload;
  if (payload?.kind === 'blob') input[payload.member] = body;
  else if (payload?.kind === 'text') input[payload.member] = body.toString('utf8');
  else if (payload?.kind === 'xml' && (body.length > 0 || !payload.optional)) input[payload.member] = payload.parse(body.toString('utf8'));
  return input;
}

function serialize(binding: Binding, name: S3OperationName, output: Record<string, unknown>): EdgeResponse {
  const headers: Record<string, string> = {};
  const response = binding.response ?? {};
  const inHeaders = new Set<string>();
  for (const [member, header] of response.headers ?? []) {
    inHeaders.add(member);
    if (output[member] !== undefined && output[member] !== null) headers[header] = writeScalar(output[member]);
  }
  if (response.metadata) {
    inHeaders.add('Metadata');
    for (const [key, value] of Object.entries((output.Metadata as Record<string, string>) ?? {})) headers[`x-amz-meta-${key}`] = value;
  }
  let body: Buffer | string = '';
  const payload = response.payload;
  if (payload?.kind === 'blob') {
    body = (output[payload.member] as Buffer | undefined) ?? Buffer.alloc(0);
  } else if (payload?.kind === 'text') {
    body = String(output[payload.member] ?? '');
  } else if (payload?.kind === 'xml') {
    const members = payload.member
      ? (output[payload.member] as Record<string, unknown> | string | undefined)
      : Object.fromEntries(Object.entries(output).filter(([k, v]) => !inHeaders.has(k) && v !== undefined));
    body = xmlDocument(payload.root, members);
    headers['content-type'] = 'application/xml';
  }
  const partial = (name === 'GetObject' || name === 'HeadObject') && output.ContentRange !== undefined;
  return { status: partial ? 206 : (binding.status ?? 200), headers, body };
}

export function errorResponse(err: unknown, req: EdgeRequest): EdgeResponse {
  const e = toAwsError(err);
  const headers: Record<string, string> = { 'x-amz-request-id': req.requestId, 'x-amz-id-2': hostId() };
  if (e.status === 304) {
    // Not an error on the wire: a bare 304 carrying the validators.
    if (e.extra.ETag) headers.etag = String(e.extra.ETag);
    if (e.extra.LastModified) headers['last-modified'] = String(e.extra.LastModified);
    return { status: 304, headers };
  }
  if (req.method === 'HEAD') return { status: e.status, headers };
  headers['content-type'] = 'application/xml';
  return { status: e.status, headers, body: errorDocument(e.code, e.message, e.extra, req.requestId, headers['x-amz-id-2']!) };
}

/** Presigned URLs stop working once X-Amz-Date + X-Amz-Expires has passed. */
function checkPresignedExpiry(query: URLSearchParams): void {
  const date = query.get('X-Amz-Date');
  const expires = query.get('X-Amz-Expires');
  if (!date || !expires) return;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
  if (!m) return;
  const signedAt = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  const expiresAt = signedAt + Number(expires) * 1000;
  if (Date.now() > expiresAt) {
    throw new AccessDenied('Request has expired', {
      'X-Amz-Expires': expires,
      Expires: new Date(expiresAt).toISOString(),
      ServerTime: new Date().toISOString(),
    });
  }
}

/** A CORS preflight, answered from the bucket's CORS rules. */
function preflight(req: EdgeRequest, storage: S3Storage): EdgeResponse {
  const name = bucketAndKey(req).bucket;
  const bucket = name ? storage.findBucket(name) : undefined;
  if (!bucket) throw new AwsError('AccessForbidden', 'CORSResponse: Bucket not found', 403);
  return { status: 200, headers: { 'x-amz-request-id': req.requestId, ...preflightHeaders(bucket, req.headers) } };
}

function withCors(req: EdgeRequest, storage: S3Storage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  try {
    const name = bucketAndKey(req).bucket;
    return corsHeaders(name ? storage.findBucket(name) : undefined, origin, req.method);
  } catch {
    return {};
  }
}

/** The restXml codec for S3's REST API: route, decode, authorise, run the operation, encode. */
export function s3RestHandler(deps: S3HandlerDeps): (req: EdgeRequest) => Promise<EdgeResponse> {
  return async (req) => {
    try {
      if (req.method === 'OPTIONS') return preflight(req, deps.storage);
      const route = routeRequest(req);
      if (!Object.hasOwn(OPERATIONS, route.operation)) throw notImplemented(route.operation);
      const name = route.operation as S3OperationName;
      const binding = BINDINGS[name];
      checkPresignedExpiry(req.query);
      const caller = deps.callerOf(req);
      const payload = decodePayload(req.body, req.headers);
      verifyIntegrity(payload.body, payload.headers);
      if (
        binding.integrityRequired &&
        !payload.headers['content-md5'] &&
        !Object.keys(payload.headers).some((h) => h.startsWith('x-amz-checksum-'))
      ) {
        throw new InvalidRequest('Missing required header for this request: Content-MD5');
      }
      const input = parseInput(binding, route, req.query, payload.headers, payload.body);
      const conditions = conditionContext(req);
      const ctx: S3Context = {
        account: req.account,
        region: req.region,
        requestId: req.requestId,
        edgeUrl: req.edgeUrl,
        accessKeyId: req.accessKeyId,
        storage: deps.storage,
        caller,
        bucket: (bucketName) => {
          const found = bucketName ? deps.storage.findBucket(bucketName) : undefined;
          if (!found) throw noSuchBucket(bucketName ?? '');
          return found;
        },
        allowed: (bucket, action, resource) => isAllowed(bucket, caller, action, resource, conditions),
      };
      const access = binding.access;
      if (access === 'signed') {
        if (caller.kind !== 'signed') throw accessDenied();
      } else if (access !== 'self') {
        const bucket = ctx.bucket(route.bucket);
        const resource = access.on === 'object' ? objectArn(bucket.name, route.key ?? '') : bucketArn(bucket.name);
        if (!ctx.allowed(bucket, access.action, resource)) throw accessDenied();
      }
      const output = (await OPERATIONS[name](input as never, ctx)) as Record<string, unknown>;
      const response = serialize(binding, name, output ?? {});
      response.headers = { 'x-amz-request-id': req.requestId, 'x-amz-id-2': hostId(), ...response.headers, ...withCors(req, deps.storage) };
      return response;
    } catch (err) {
      const response = errorResponse(err, req);
      response.headers = { ...response.headers, ...withCors(req, deps.storage) };
      return response;
    }
  };
}
