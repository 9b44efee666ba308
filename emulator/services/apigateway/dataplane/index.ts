import type { EdgeRequest, EdgeResponse } from '../../../core/http.js';
import { randomAlphanumeric } from '../../../core/ids.js';
import type { ServiceContext } from '../../../core/service.js';
import { ApiGatewayState, type ApiLocator } from '../state.js';
import { authorize } from './authorize.js';
import { AuthorizerCache } from './authorizer-cache.js';
import { GatewayError, type Invocation, internalServerError } from './context.js';
import { logMap, truncated } from './execution-log.js';
import { gatewayResponse } from './gateway-response.js';
import { integrate } from './integration.js';
import { integrationRequest } from './integration-request.js';
import { integrationResponse } from './integration-response.js';
import { methodResponse } from './method-response.js';
import { recordRequestMetrics } from './metrics.js';
import { parseTarget } from './parse-request.js';
import { route } from './route.js';
import { validateRequest } from './validate-request.js';

/** API Gateway's payload limit. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

/** The request flow of a REST API after routing, in AWS's order; each step reads and fills the invocation. */
const METHOD_CHAIN: Array<(inv: Invocation) => void | Promise<void>> = [
  // method request
  authorize,
  validateRequest,
  // integration request, integration, integration response
  integrationRequest,
  integrate,
  integrationResponse,
  // method response
  methodResponse,
];

function forbidden(): EdgeResponse {
  return {
    status: 403,
    headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'ForbiddenException' },
    body: JSON.stringify({ message: 'Forbidden' }),
  };
}

function logMethodRequest(inv: Invocation): void {
  if (!inv.log) return;
  const query: Record<string, string> = Object.fromEntries(inv.request.query);
  inv.log.add(`Starting execution for request: ${inv.requestId}`);
  inv.log.add(`HTTP Method: ${inv.request.method}, Resource Path: ${inv.request.path}`);
  inv.log.add(`Method request path: ${logMap(inv.pathParameters)}`);
  inv.log.add(`Method request query string: ${logMap(query)}`);
  inv.log.add(`Method request headers: ${logMap(Object.fromEntries(inv.request.rawHeaders))}`);
  inv.log.add(`Method request body before transformations: ${truncated(inv.request.body.toString('utf8'))}`);
}

/** Runs the method's chain; a gateway error becomes the API's gateway response for it. */
export async function runMethod(inv: Invocation, log: (message: string) => void): Promise<void> {
  logMethodRequest(inv);
  try {
    for (const step of METHOD_CHAIN) await step(inv);
    inv.log?.add('Successfully completed execution');
  } catch (err) {
    if (!(err instanceof GatewayError))
      log(`[apigateway] ${inv.request.method} ${inv.request.path} failed: ${(err as Error).stack ?? err}`);
    inv.response = gatewayResponse(err instanceof GatewayError ? err : internalServerError(), inv);
  }
  inv.log?.add(`Method completed with status: ${inv.response!.status}`);
}

/** The execute-api data plane: serves the deployment a stage points at. */
export class DataPlane {
  private readonly authorizerCache = new AuthorizerCache();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly locator: ApiLocator,
  ) {}

  /** Drops the cached authorizer results (reset). */
  forgetAuthorizations(): void {
    this.authorizerCache.clear();
  }

  async handle(req: EdgeRequest): Promise<EdgeResponse> {
    const started = Date.now();
    const target = parseTarget(req);
    const location = target && this.locator.locate(target.apiId);
    if (!target || !location) return forbidden();
    const state = new ApiGatewayState(this.ctx.store, location.account, location.region);
    // Shared frozen documents: parsed once per change, not once per request.
    const api = state.apis.peek(target.apiId);
    const stage = api?.stages[target.stageName];
    const deployment = stage?.deploymentId ? state.deployments(target.apiId).peek(stage.deploymentId) : undefined;
    if (!api || !stage || !deployment || api.api.disableExecuteApiEndpoint) return forbidden();

    const inv: Invocation = {
      edge: req,
      services: this.ctx.services,
      request: target.request,
      requestId: req.requestId,
      extendedRequestId: `${randomAlphanumeric(15)}=`,
      requestTimeEpoch: started,
      account: location.account,
      region: location.region,
      apiId: target.apiId,
      stageName: target.stageName,
      api,
      deploymentId: deployment.deployment.id,
      snapshot: deployment.snapshot,
      stageVariables: stage.variables && Object.keys(stage.variables).length ? stage.variables : null,
      pathParameters: null,
      authorizerCache: this.authorizerCache,
    };
    try {
      if (req.body.length > MAX_PAYLOAD_BYTES) throw new GatewayError('REQUEST_TOO_LARGE', 'Request Too Long', 413);
      route(inv);
      await runMethod(inv, this.ctx.log);
    } catch (err) {
      if (!(err instanceof GatewayError)) this.ctx.log(`[apigateway] ${req.method} ${req.path} failed: ${(err as Error).stack ?? err}`);
      inv.response = gatewayResponse(err instanceof GatewayError ? err : internalServerError(), inv);
    }
    const response = inv.response!;
    recordRequestMetrics(this.ctx.services, inv, response.status, Date.now() - started, this.ctx.log);
    return { status: response.status, headers: response.headers, body: response.body };
  }
}
