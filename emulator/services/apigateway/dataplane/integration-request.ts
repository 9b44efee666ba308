import { GatewayError, type Invocation, notEmulated } from './context.js';
import { renderStatic, requestTemplate } from './mapping-template.js';
import { buildProxyEvent } from './proxy-event.js';

/** The status a MOCK integration answers: `{"statusCode": N}` from the request template, else 200. */
function mockStatus(mapped: string | undefined): number {
  if (!mapped) return 200;
  try {
    const parsed = JSON.parse(mapped) as { statusCode?: unknown };
    const status = Number(parsed.statusCode);
    return Number.isInteger(status) && status >= 100 && status <= 599 ? status : 200;
  } catch {
    return 200;
  }
}

/**
 * The integration request step: the Lambda proxy event for AWS_PROXY, the mapped request for
 * MOCK. Non-proxy AWS and HTTP integrations would map their request here.
 */
export function integrationRequest(inv: Invocation): void {
  const integration = inv.method!.methodIntegration;
  if (!integration) throw new GatewayError('API_CONFIGURATION_ERROR', 'Internal server error', 500, 'InternalServerErrorException');
  switch (integration.type) {
    case 'AWS_PROXY':
      inv.integrationRequest = { payload: Buffer.from(JSON.stringify(buildProxyEvent(inv))) };
      return;
    case 'MOCK': {
      const template = requestTemplate(inv, integration);
      inv.integrationRequest = { mockStatus: mockStatus(template === undefined ? undefined : renderStatic(template)) };
      return;
    }
    case 'AWS':
      throw notEmulated('non-proxy AWS integrations (mapping templates)');
    default:
      throw notEmulated(`${integration.type} integrations`);
  }
}
