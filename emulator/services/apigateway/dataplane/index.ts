import type { EdgeRequest, EdgeResponse } from '../../../core/http.js';
import { randomAlphanumeric } from '../../../core/ids.js';
import type { ServiceContext } from '../../../core/service.js';
import { ApiGatewayState, type ApiLocator } from '../state.js';
import { GatewayError, type Invocation, internalServerError } from './context.js';
import { gatewayResponse } from './gateway-response.js';
import { integrate } from './integration.js';
import { integrationRequest } from './integration-request.js';
import { integrationResponse } from './integration-response.js';
import { methodRequest } from './method-request.js';
import { methodResponse } from './method-response.js';
import { parseTarget } from './parse-request.js';
import { route } from './route.js';

/** API Gateway's payload limit. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

/** The request flow of a REST API, in AWS's order; each step reads and fills the invocation. */
const CHAIN: Array<(inv: Invocation) => void | Promise<void>> = [
  route,
  methodRequest,
  integrationRequest,
  integrate,
  integrationResponse,
  methodResponse,
];

function forbidden(): EdgeResponse {
  return {
    status: 403,
    headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'ForbiddenException' },
    body: JSON.stringify({ message: 'Forbidden' }),
  };
}

/** The execute-api data plane: serves the deployment a stage points at. */
export class DataPlane {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly locator: ApiLocator,
  ) {}

  async handle(req: EdgeRequest): Promise<EdgeResponse> {
    const target = parseTarget(req);
    const location = target && this.locator.locate(target.apiId);
    if (!target || !location) return forbidden();
    const state = new ApiGatewayState(this.ctx.store, location.account, location.region);
    const api = state.apis.get(target.apiId);
    const stage = api?.stages[target.stageName];
    const deployment = stage?.deploymentId ? state.deployments(target.apiId).get(stage.deploymentId) : undefined;
    if (!api || !stage || !deployment || api.api.disableExecuteApiEndpoint) return forbidden();

    const inv: Invocation = {
      edge: req,
      services: this.ctx.services,
      request: target.request,
      requestId: req.requestId,
      extendedRequestId: `${randomAlphanumeric(15)}=`,
      requestTimeEpoch: Date.now(),
      account: location.account,
      region: location.region,
      apiId: target.apiId,
      stageName: target.stageName,
      api,
      deploymentId: deployment.deployment.id,
      snapshot: deployment.snapshot,
      stageVariables: stage.variables && Object.keys(stage.variables).length ? stage.variables : null,
      pathParameters: null,
    };
    try {
      if (req.body.length > MAX_PAYLOAD_BYTES) throw new GatewayError('REQUEST_TOO_LARGE', 'Request Too Long', 413);
      for (const step of CHAIN) await step(inv);
    } catch (err) {
      if (!(err instanceof GatewayError)) this.ctx.log(`[apigateway] ${req.method} ${req.path} failed: ${(err as Error).stack ?? err}`);
      inv.response = gatewayResponse(err instanceof GatewayError ? err : internalServerError(), inv);
    }
    const response = inv.response!;
    return { status: response.status, headers: response.headers, body: response.body };
  }
}
