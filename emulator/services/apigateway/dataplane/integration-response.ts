import type { IntegrationResponse } from '@aws-sdk/client-api-gateway';
import type { Wire } from '../model.js';
import { type Invocation, internalServerError } from './context.js';
import { truncated } from './execution-log.js';
import { mappedHeaders } from './parameters.js';
import { mapProxyResponse } from './proxy-response.js';
import { renderMapping } from './template-variables.js';

/** A selection pattern matches the whole selector, as Java's `String.matches` does (`.` does not match a newline). */
function fullMatch(pattern: string, selector: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(selector);
  } catch {
    return false;
  }
}

/** The integration response whose selection pattern matches, else the default one (no pattern). */
export function selectIntegrationResponse(
  responses: Record<string, Wire<IntegrationResponse>> | undefined,
  selector: string,
): Wire<IntegrationResponse> | undefined {
  const all = Object.values(responses ?? {});
  const matching = all.find((r) => r.selectionPattern && fullMatch(r.selectionPattern, selector));
  return matching ?? all.find((r) => !r.selectionPattern);
}

/** The template for the client's Accept type, else application/json, else the first one. */
function responseTemplate(inv: Invocation, templates: Record<string, string> | undefined): [string, string] | undefined {
  const entries = Object.entries(templates ?? {});
  if (!entries.length) return undefined;
  const accept = (inv.request.headers.accept ?? '').split(',').map((t) => t.split(';')[0]!.trim().toLowerCase());
  return (
    entries.find(([type]) => accept.includes(type.toLowerCase())) ?? entries.find(([type]) => type === 'application/json') ?? entries[0]
  );
}

/** What a Lambda's answer is matched on: its `errorMessage` when the function failed, else the empty string. */
function lambdaSelector(payload: Buffer, functionError: string | undefined): string {
  if (!functionError) return '';
  try {
    const parsed = JSON.parse(payload.toString('utf8')) as { errorMessage?: unknown };
    return typeof parsed?.errorMessage === 'string' ? parsed.errorMessage : '';
  } catch {
    return '';
  }
}

/**
 * The integration response step. Proxy: the Lambda's own answer (a function error or a malformed
 * answer is a 502). Lambda (AWS) and MOCK: the integration response chosen by selection pattern
 * (against the Lambda's errorMessage, or the MOCK status), its header mappings and response
 * template (VTL over the integration's answer; without one the answer passes through).
 */
export function integrationResponse(inv: Invocation): void {
  const integration = inv.method!.methodIntegration!;
  const result = inv.integrationResult!;
  if (integration.type === 'AWS_PROXY') {
    if (result.functionError) {
      inv.log?.add('Execution failed due to configuration error: Malformed Lambda proxy response');
      throw internalServerError(502);
    }
    try {
      inv.response = mapProxyResponse(result.payload);
    } catch (err) {
      inv.log?.add('Execution failed due to configuration error: Malformed Lambda proxy response');
      throw err;
    }
    return;
  }
  const selector = integration.type === 'AWS' ? lambdaSelector(result.payload, result.functionError) : String(result.status ?? 200);
  const selected = selectIntegrationResponse(integration.integrationResponses, selector);
  if (!selected) {
    inv.log?.add(
      `Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: ${result.status ?? 200}`,
    );
    throw internalServerError(500, 'API_CONFIGURATION_ERROR');
  }
  const payload = result.payload.toString('utf8');
  const template = responseTemplate(inv, selected.responseTemplates);
  const body = template?.[1] ? renderMapping(inv, template[1], payload, 'response') : payload;
  inv.response = {
    status: Number(selected.statusCode),
    headers: {
      'Content-Type': template?.[0] ?? 'application/json',
      ...mappedHeaders(selected.responseParameters, 'method.response.header.', inv, { headers: result.headers ?? {}, body: payload }),
    },
    body,
  };
  inv.log?.add(`Method response body after transformations: ${truncated(body)}`);
}
