import { AwsError, SerializationException, toAwsError, unknownOperation } from '../core/errors.js';
import type { EdgeRequest, EdgeResponse } from '../core/http.js';

/** An operation: a plain input object in, a plain output object out. It never sees HTTP. */
export type Operation<I = any, O = any, C = OperationContext> = (input: I, ctx: C) => Promise<O> | O;

export interface OperationContext {
  account: string;
  region: string;
  requestId: string;
  edgeUrl: string;
  /** Access key id of the caller when the request was signed. */
  accessKeyId?: string;
}

export function operationContext(req: EdgeRequest): OperationContext {
  return { account: req.account, region: req.region, requestId: req.requestId, edgeUrl: req.edgeUrl, accessKeyId: req.accessKeyId };
}

/**
 * The awsJson1_0 / awsJson1_1 codec: `X-Amz-Target: Prefix.Operation`, a JSON body in, a JSON body
 * out; errors as `{"__type": Code, "message": ...}` with `x-amzn-ErrorType`.
 */
export function awsJsonHandler<C extends OperationContext>(options: {
  serviceName: string;
  contentType: 'application/x-amz-json-1.0' | 'application/x-amz-json-1.1';
  operations: Record<string, Operation<any, any, C>>;
  context: (req: EdgeRequest) => C;
  /** awsQueryCompatible services also send `x-amzn-query-error: Code;Sender`. */
  queryCompatible?: boolean;
}): (req: EdgeRequest) => Promise<EdgeResponse> {
  return async (req) => {
    try {
      const target = req.headers['x-amz-target'] ?? '';
      const name = target.slice(target.indexOf('.') + 1);
      if (req.method !== 'POST' || !target) {
        throw new AwsError('UnknownOperationException', `${options.serviceName} expects a POST with an X-Amz-Target header.`, 400);
      }
      const operation = Object.hasOwn(options.operations, name) ? options.operations[name] : undefined;
      if (!operation) throw unknownOperation(options.serviceName, name);
      let input: unknown;
      try {
        input = req.body.length ? JSON.parse(req.body.toString('utf8')) : {};
      } catch {
        throw new SerializationException('Start of structure or map found where not expected.');
      }
      if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        throw new SerializationException('Start of structure or map found where not expected.');
      }
      const output = await operation(input, options.context(req));
      return { status: 200, headers: { 'content-type': options.contentType }, body: JSON.stringify(output ?? {}) };
    } catch (err) {
      return jsonError(toAwsError(err), options.contentType, options.queryCompatible);
    }
  };
}

export function jsonError(err: AwsError, contentType: string, queryCompatible = false): EdgeResponse {
  const headers: Record<string, string> = { 'content-type': contentType, 'x-amzn-errortype': err.code };
  if (queryCompatible) headers['x-amzn-query-error'] = `${err.code};${err.fault === 'client' ? 'Sender' : 'Receiver'}`;
  return { status: err.status, headers, body: JSON.stringify({ __type: err.code, message: err.message, ...err.extra }) };
}
