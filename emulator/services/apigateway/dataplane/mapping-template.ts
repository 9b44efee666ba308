import type { Integration } from '@aws-sdk/client-api-gateway';
import type { Wire } from '../model.js';
import { GatewayError, type Invocation, notEmulated } from './context.js';

/** A template without VTL directives or references renders to itself. */
export const isStatic = (template: string) => !/[$#]/.test(template);

/**
 * Chooses the request mapping template by the request's Content-Type (application/json when
 * absent) and the passthrough behavior; undefined means the body passes through unmapped.
 */
export function requestTemplate(inv: Invocation, integration: Wire<Integration>): string | undefined {
  const templates = integration.requestTemplates ?? {};
  const contentType = (inv.request.headers['content-type'] ?? 'application/json').split(';')[0]!.trim().toLowerCase();
  const match = Object.entries(templates).find(([type]) => type.toLowerCase() === contentType);
  if (match) return match[1];
  const behavior = integration.passthroughBehavior ?? 'WHEN_NO_MATCH';
  if (behavior === 'NEVER' || (behavior === 'WHEN_NO_TEMPLATES' && Object.keys(templates).length)) {
    throw new GatewayError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported Media Type', 415);
  }
  return undefined;
}

export function renderStatic(template: string): string {
  if (!isStatic(template)) throw notEmulated('VTL mapping templates');
  return template;
}
