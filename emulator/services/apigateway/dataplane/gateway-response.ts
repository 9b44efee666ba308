import { effectiveGatewayResponse } from '../gateway-responses.js';
import type { GatewayError, Invocation, InvocationResponse } from './context.js';
import { mappedHeaders } from './parameters.js';

/**
 * Renders a gateway response body template. AWS substitutes variables here without running VTL:
 * `$context.error.messageString` is the message as a JSON string.
 */
function renderTemplate(template: string, error: GatewayError, inv: Invocation): string {
  const context: Record<string, string | undefined> = {
    'error.messageString': JSON.stringify(error.message),
    'error.message': error.message,
    'error.responseType': error.responseType,
    requestId: inv.requestId,
    extendedRequestId: inv.extendedRequestId,
    stage: inv.stageName,
    apiId: inv.apiId,
    resourcePath: inv.resource?.path,
    resourceId: inv.resource?.id,
    httpMethod: inv.request.method,
    accountId: inv.account,
  };
  return template
    .replace(/\$context\.([\w.]+)/g, (whole, name: string) => context[name] ?? (name in context ? '' : whole))
    .replace(/\$stageVariables\.(\w+)/g, (_, name: string) => inv.stageVariables?.[name] ?? '');
}

/** The answer to an error the gateway produced, with the API's gateway response for its type (so CORS headers apply to 4XX/5XX). */
export function gatewayResponse(error: GatewayError, inv: Invocation): InvocationResponse {
  const configured = inv.snapshot?.gatewayResponses ?? {};
  const response = effectiveGatewayResponse(error.responseType, configured);
  const status = Number(response.statusCode ?? error.status) || error.status;
  const template = response.responseTemplates?.['application/json'] ?? '{"message":$context.error.messageString}';
  return {
    status,
    headers: {
      'Content-Type': 'application/json',
      ...(error.errorType ? { 'x-amzn-ErrorType': error.errorType } : {}),
      ...mappedHeaders(response.responseParameters, 'gatewayresponse.header.', inv),
      'x-amzn-RequestId': inv.requestId,
      'x-amz-apigw-id': inv.extendedRequestId,
    },
    body: renderTemplate(template, error, inv),
  };
}
