/**
 * API Gateway REST APIs (v1): the control plane (restJson1 under /restapis, /account, /tags) and
 * the execute-api data plane (path-style `/restapis/{api}/{stage}/_user_request_/{path}` and
 * host-style `{api}.execute-api.localhost/{stage}/{path}`). A deployment freezes the API; the data
 * plane serves the frozen copy the stage points at, as a chain (dataplane/index.ts): route →
 * authorizer → request validator → integration request (proxy event / VTL mapping / MOCK) →
 * Lambda → integration response (selection pattern, VTL) → method response. Mapping templates run
 * on velocityjs with API Gateway's `$input`, `$util`, `$context`, `$stageVariables` (vtl/).
 * Also: models (JSON Schema draft-04, `$ref`s between models) and request validators enforced,
 * GetExport (oas30/swagger, JSON/YAML, extensions), TestInvokeMethod with its execution log, and
 * AWS/ApiGateway metrics (Count, 4XXError, 5XXError, Latency, IntegrationLatency) when CloudWatch runs.
 *
 * Not yet:
 * - HTTP / HTTP_PROXY integrations and AWS service integrations other than Lambda (stored; the data
 *   plane answers a 500 naming the missing feature); integration `requestParameters` mappings and
 *   `contentHandling` conversions (stored, not applied); `$context.requestOverride`/`responseOverride`;
 * - CUSTOM (Lambda) authorizers and AWS_IAM method authorization (answered as not emulated);
 * - API keys and usage plans (apiKeyRequired is stored, not enforced), client certificates, VPC links,
 *   custom domain names, base path mappings;
 * - documentation parts/versions (and `extensions=documentation` in exports; `postman` adds nothing),
 *   SDK generation (GetSdk), import (PutRestApi/ImportRestApi), TestInvokeAuthorizer;
 * - canary settings and access log settings (stored by UpdateStage, not applied), stage caches,
 *   throttling, execution and access logs to CloudWatch Logs (TestInvokeMethod answers its log);
 * - resource policies on the REST API (stored, not enforced).
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
        services: ctx.services,
        log: ctx.log,
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
    this.dataPlane.forgetAuthorizations();
  }
}
