import type { Integration } from '@aws-sdk/client-api-gateway';
import type { Wire } from '../model.js';
import { GatewayError, type Invocation } from './context.js';

/** The request's media type, without parameters; application/json when absent, as AWS assumes. */
export function requestContentType(inv: Invocation): string {
  return (inv.request.headers['content-type'] || 'application/json').split(';')[0]!.trim().toLowerCase();
}

/**
 * Chooses the request mapping template by the request's Content-Type (then `$default`) and the
 * passthrough behavior: undefined (or an empty template) means the body passes through unmapped;
 * WHEN_NO_TEMPLATES with templates for other types, and NEVER, refuse with 415.
 */
export function requestTemplate(inv: Invocation, integration: Wire<Integration>): string | undefined {
  const templates = integration.requestTemplates ?? {};
  const contentType = requestContentType(inv);
  const match =
    Object.entries(templates).find(([type]) => type.toLowerCase() === contentType) ??
    Object.entries(templates).find(([type]) => type === '$default');
  if (match) return match[1];
  const behavior = integration.passthroughBehavior ?? 'WHEN_NO_MATCH';
  if (behavior === 'NEVER' || (behavior === 'WHEN_NO_TEMPLATES' && Object.keys(templates).length)) {
    inv.log?.add(
      `Execution failed: Unsupported Media Type. No mapping template for content type ${contentType} and passthrough behavior ${behavior}`,
    );
    throw new GatewayError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported Media Type', 415, 'BadRequestException');
  }
  return undefined;
}
