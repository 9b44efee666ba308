import type { Invocation } from './context.js';
import { logMap } from './execution-log.js';
import { traceId } from './proxy-event.js';

/** Statuses whose answers carry no body. */
const NO_BODY = new Set([204, 304]);

/** The method response step: the status the integration response chose, and the headers API Gateway adds to every answer. */
export function methodResponse(inv: Invocation): void {
  const response = inv.response!;
  if (NO_BODY.has(response.status) || inv.request.method === 'HEAD') response.body = '';
  const trace = { 'X-Amzn-Trace-Id': traceId(inv.requestTimeEpoch) };
  if (inv.testInvoke) {
    response.headers = inv.method?.methodIntegration?.type === 'MOCK' ? response.headers : { ...trace, ...response.headers };
  } else {
    response.headers = { ...response.headers, 'x-amzn-RequestId': inv.requestId, 'x-amz-apigw-id': inv.extendedRequestId, ...trace };
  }
  inv.log?.add(`Method response headers: ${logMap(response.headers)}`);
}
