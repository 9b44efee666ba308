import type { Integration } from '@aws-sdk/client-api-gateway';
import type { Wire } from '../model.js';
import { GatewayError, type Invocation, notEmulated } from './context.js';
import { isLambdaUri } from './lambda-uri.js';
import { requestTemplate } from './mapping-template.js';
import { buildProxyEvent } from './proxy-event.js';
import { renderMapping } from './template-variables.js';

/** The status a MOCK integration answers: `{"statusCode": N}` from the mapped request, else 200. */
function mockStatus(mapped: string): number {
  try {
    const parsed = JSON.parse(mapped) as { statusCode?: unknown };
    const status = Number(parsed.statusCode);
    return Number.isInteger(status) && status >= 100 && status <= 599 ? status : 200;
  } catch {
    return 200;
  }
}

/** The request body after the mapping template chosen by Content-Type, or the body itself when it passes through. */
function mappedBody(inv: Invocation, integration: Wire<Integration>): string {
  const body = inv.request.body.toString('utf8');
  const template = requestTemplate(inv, integration);
  return template ? renderMapping(inv, template, body, 'request') : body;
}

/**
 * The integration request step: the Lambda proxy event for AWS_PROXY; for a non-proxy Lambda
 * integration (AWS) and MOCK, the body mapped by the request template (VTL) or passed through.
 */
export function integrationRequest(inv: Invocation): void {
  const integration = inv.method!.methodIntegration;
  if (!integration) {
    inv.log?.add('Execution failed due to configuration error: No integration defined for method');
    throw new GatewayError('API_CONFIGURATION_ERROR', 'Internal server error', 500, 'InternalServerErrorException');
  }
  switch (integration.type) {
    case 'AWS_PROXY':
      inv.integrationRequest = { payload: Buffer.from(JSON.stringify(buildProxyEvent(inv))) };
      return;
    case 'MOCK':
      inv.integrationRequest = { mockStatus: mockStatus(mappedBody(inv, integration)) };
      return;
    case 'AWS':
      if (!isLambdaUri(integration.uri ?? '')) throw notEmulated('AWS service integrations other than Lambda');
      inv.integrationRequest = { payload: Buffer.from(mappedBody(inv, integration)) };
      return;
    default:
      throw notEmulated(`${integration.type} integrations`);
  }
}
