/**
 * API Gateway REST APIs (v1): the control plane (restJson1 under /restapis, /account, /tags) and
 * the execute-api data plane (path-style `/restapis/{api}/{stage}/_user_request_/{path}` and
 * host-style `{api}.execute-api.localhost/{stage}/{path}`). A deployment freezes the API; the data
 * plane serves the frozen copy the stage points at.
 *
 * Not yet:
 * - non-proxy AWS integrations: VTL request/response mapping templates (stored; the data plane
 *   answers a 500 naming the missing feature), and VTL in MOCK templates (static ones work);
 * - HTTP / HTTP_PROXY integrations (stored; answered as not emulated in the data plane);
 * - request validators and model (JSON schema) validation (stored, not enforced);
 * - CUSTOM (Lambda) authorizers and AWS_IAM method authorization (answered as not emulated);
 * - API keys and usage plans (apiKeyRequired is stored, not enforced), client certificates, VPC links,
 *   custom domain names, base path mappings;
 * - documentation parts/versions, export (Swagger/OpenAPI), SDK generation, import (PutRestApi/ImportRestApi);
 * - canary settings, stage caches, throttling, access logs and execution logs;
 * - resource policies on the REST API (stored, not enforced); TestInvokeMethod/TestInvokeAuthorizer.
 */

import type { EdgeRequest, EdgeResponse } from '../../core/http.js';
import type { Service, ServiceContext } from '../../core/service.js';
import { operationContext } from '../../protocols/aws-json.js';
import { restJsonHandler } from '../../protocols/rest-json.js';
import { DataPlane } from './dataplane/index.js';
import type { ApiGatewayContext } from './operations/context.js';
import { ROUTES } from './routes.js';
import { ApiGatewayState, ApiLocator } from './state.js';

export class ApiGatewayService implements Service {
  readonly name = 'apigateway';
  private readonly locator: ApiLocator;
  private readonly controlPlane: (req: EdgeRequest) => Promise<EdgeResponse>;
  private readonly dataPlane: DataPlane;

  constructor(private readonly ctx: ServiceContext) {
    this.locator = new ApiLocator(ctx.store);
    this.controlPlane = restJsonHandler<ApiGatewayContext>({
      serviceName: 'apigateway',
      routes: ROUTES,
      context: (req) => ({
        ...operationContext(req),
        state: new ApiGatewayState(ctx.store, req.account, req.region),
        locator: this.locator,
      }),
    });
    this.dataPlane = new DataPlane(ctx, this.locator);
  }

  handle(req: EdgeRequest): Promise<EdgeResponse> {
    return req.headers['x-local-service'] === 'execute-api' ? this.dataPlane.handle(req) : this.controlPlane(req);
  }

  health(): Record<string, unknown> {
    return { restApis: this.ctx.store.keys('apigateway').filter((k) => /^apigateway\/[^/]+\/[^/]+\/restapis\/[^/]+$/.test(k)).length };
  }

  async reset(): Promise<void> {
    this.locator.forget();
  }
}
