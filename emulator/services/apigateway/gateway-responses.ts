import type { GatewayResponse } from '@aws-sdk/client-api-gateway';
import { ValidationException } from './errors.js';
import type { Wire } from './model.js';

/** Each gateway response type with its default status ('' for the DEFAULT_4XX / DEFAULT_5XX fallbacks). */
export const GATEWAY_RESPONSE_STATUS: Record<string, string> = {
  REQUEST_TOO_LARGE: '413',
  RESOURCE_NOT_FOUND: '404',
  AUTHORIZER_CONFIGURATION_ERROR: '500',
  MISSING_AUTHENTICATION_TOKEN: '403',
  BAD_REQUEST_BODY: '400',
  INVALID_SIGNATURE: '403',
  INVALID_API_KEY: '403',
  BAD_REQUEST_PARAMETERS: '400',
  AUTHORIZER_FAILURE: '500',
  UNAUTHORIZED: '401',
  INTEGRATION_TIMEOUT: '504',
  ACCESS_DENIED: '403',
  DEFAULT_4XX: '',
  DEFAULT_5XX: '',
  WAF_FILTERED: '403',
  QUOTA_EXCEEDED: '429',
  THROTTLED: '429',
  API_CONFIGURATION_ERROR: '500',
  UNSUPPORTED_MEDIA_TYPE: '415',
  INTEGRATION_FAILURE: '504',
  EXPIRED_TOKEN: '403',
};

export const DEFAULT_TEMPLATE = '{"message":$context.error.messageString}';

export function assertResponseType(type: string | undefined): string {
  if (type && type in GATEWAY_RESPONSE_STATUS) return type;
  throw new ValidationException(
    `1 validation error detected: Value '${type}' at 'responseType' failed to satisfy constraint: Member must satisfy enum value set: [${Object.keys(GATEWAY_RESPONSE_STATUS).join(', ')}]`,
  );
}

function builtIn(type: string): Wire<GatewayResponse> {
  const status = GATEWAY_RESPONSE_STATUS[type];
  return {
    defaultResponse: true,
    responseParameters: {},
    responseTemplates: { 'application/json': DEFAULT_TEMPLATE },
    responseType: type as GatewayResponse['responseType'],
    ...(status ? { statusCode: status } : {}),
  };
}

/**
 * The response in force for a type: the one put for it, else one built from a put DEFAULT_4XX or
 * DEFAULT_5XX (by the type's status class), else the built-in default.
 */
export function effectiveGatewayResponse(type: string, configured: Record<string, Wire<GatewayResponse>>): Wire<GatewayResponse> {
  const own = configured[type];
  if (own) return own;
  const status = GATEWAY_RESPONSE_STATUS[type] ?? '';
  if (!status) return builtIn(type);
  const fallback = configured[status >= '500' ? 'DEFAULT_5XX' : 'DEFAULT_4XX'];
  if (!fallback) return builtIn(type);
  return {
    defaultResponse: true,
    responseParameters: fallback.responseParameters ?? {},
    responseTemplates: fallback.responseTemplates ?? { 'application/json': DEFAULT_TEMPLATE },
    responseType: type as GatewayResponse['responseType'],
    statusCode: fallback.statusCode ?? status,
  };
}

export function allGatewayResponses(configured: Record<string, Wire<GatewayResponse>>): Wire<GatewayResponse>[] {
  return Object.keys(GATEWAY_RESPONSE_STATUS)
    .sort()
    .map((type) => effectiveGatewayResponse(type, configured));
}
