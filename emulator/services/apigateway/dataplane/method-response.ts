import type { Invocation } from './context.js';
import { traceId } from './proxy-event.js';

/** The method response step: the headers API Gateway adds to every answer. */
export function methodResponse(inv: Invocation): void {
  const response = inv.response!;
  response.headers = {
    ...response.headers,
    'x-amzn-RequestId': inv.requestId,
    'x-amz-apigw-id': inv.extendedRequestId,
    'X-Amzn-Trace-Id': traceId(inv.requestTimeEpoch),
  };
}
