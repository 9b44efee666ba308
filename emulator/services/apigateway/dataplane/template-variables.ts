import { inputVariable, type TemplateParams } from '../vtl/input.js';
import { renderTemplate, TemplateError } from '../vtl/render.js';
import { utilVariable } from '../vtl/util.js';
import { GatewayError, type Invocation } from './context.js';
import { requestTime } from './proxy-event.js';

/** The method request parameters as `$input.params()` shows them (a repeated one keeps its last value). */
export function templateParams(inv: Invocation): TemplateParams {
  const header: Record<string, string> = {};
  for (const [name, value] of inv.request.rawHeaders) {
    const lower = name.toLowerCase();
    if (lower.startsWith('x-local-')) continue;
    const existing = Object.keys(header).find((h) => h.toLowerCase() === lower);
    if (existing) header[existing] = `${header[existing]},${value}`;
    else header[name] = value;
  }
  return {
    path: { ...inv.pathParameters },
    querystring: Object.fromEntries(inv.request.query),
    header,
  };
}

/** `$context` in mapping templates. */
export function contextVariable(inv: Invocation): Record<string, unknown> {
  const domainName = inv.request.domainName;
  return {
    accountId: inv.account,
    apiId: inv.apiId,
    ...(inv.authorizer ? { authorizer: { claims: inv.authorizer.claims, principalId: '' } } : {}),
    deploymentId: inv.deploymentId,
    domainName,
    domainPrefix: domainName.split(/[.:]/)[0],
    extendedRequestId: inv.extendedRequestId,
    httpMethod: inv.request.method,
    identity: {
      sourceIp: inv.request.sourceIp,
      userAgent: inv.request.headers['user-agent'] ?? '',
    },
    path: inv.testInvoke ? inv.resource?.path : `/${inv.stageName}${inv.request.path}`,
    protocol: 'HTTP/1.1',
    requestId: inv.requestId,
    requestTime: requestTime(inv.requestTimeEpoch),
    requestTimeEpoch: inv.requestTimeEpoch,
    resourceId: inv.resource?.id,
    resourcePath: inv.resource?.path,
    stage: inv.stageName,
  };
}

/**
 * Renders a request or response mapping template over a payload. A template that fails is the
 * configuration error AWS answers with a 500.
 */
export function renderMapping(inv: Invocation, template: string, payload: string, direction: 'request' | 'response'): string {
  try {
    return renderTemplate(template, {
      input: inputVariable(payload, templateParams(inv)),
      util: utilVariable(),
      context: contextVariable(inv),
      stageVariables: { ...inv.stageVariables },
    });
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    inv.log?.add(`Execution failed due to configuration error: Unable to transform ${direction}`);
    throw new GatewayError('API_CONFIGURATION_ERROR', 'Internal server error', 500, 'InternalServerErrorException');
  }
}
