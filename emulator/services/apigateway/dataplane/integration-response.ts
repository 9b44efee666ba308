import type { IntegrationResponse } from '@aws-sdk/client-api-gateway';
import type { Wire } from '../model.js';
import { type Invocation, internalServerError } from './context.js';
import { renderStatic } from './mapping-template.js';
import { mappedHeaders } from './parameters.js';
import { mapProxyResponse } from './proxy-response.js';

/** The integration response whose selection pattern matches, else the default one (no pattern). */
export function selectIntegrationResponse(
  responses: Record<string, Wire<IntegrationResponse>> | undefined,
  selector: string,
): Wire<IntegrationResponse> | undefined {
  const all = Object.values(responses ?? {});
  const matching = all.find((r) => r.selectionPattern && new RegExp(`^(?:${r.selectionPattern})$`, 's').test(selector));
  return matching ?? all.find((r) => !r.selectionPattern);
}

function responseTemplate(inv: Invocation, templates: Record<string, string> | undefined): [string, string] | undefined {
  const entries = Object.entries(templates ?? {});
  if (!entries.length) return undefined;
  const accept = (inv.request.headers.accept ?? '').split(',').map((t) => t.split(';')[0]!.trim().toLowerCase());
  return (
    entries.find(([type]) => accept.includes(type.toLowerCase())) ?? entries.find(([type]) => type === 'application/json') ?? entries[0]
  );
}

/**
 * The integration response step. Proxy: the Lambda's own answer (a function error or a
 * malformed answer is a 502). MOCK: the integration response selected by status, its headers
 * and template.
 */
export function integrationResponse(inv: Invocation): void {
  const integration = inv.method!.methodIntegration!;
  const result = inv.integrationResult!;
  if (integration.type === 'AWS_PROXY') {
    if (result.functionError) throw internalServerError(502);
    inv.response = mapProxyResponse(result.payload);
    return;
  }
  const selected = selectIntegrationResponse(integration.integrationResponses, String(inv.integrationRequest?.mockStatus ?? 200));
  if (!selected) throw internalServerError(500, 'API_CONFIGURATION_ERROR');
  const template = responseTemplate(inv, selected.responseTemplates);
  inv.response = {
    status: Number(selected.statusCode),
    headers: {
      'Content-Type': template?.[0] ?? 'application/json',
      ...mappedHeaders(selected.responseParameters, 'method.response.header.', inv),
    },
    body: template ? renderStatic(template[1]) : '',
  };
}
