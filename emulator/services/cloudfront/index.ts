/**
 * CloudFront (restXml, `/2020-05-31/...`), global per account. The XML codec is driven by the
 * SDK's own schemas (operation HTTP bindings, element names, types). Distributions follow AWS's
 * rules: ids `E` + 13 characters, a new ETag per change, If-Match required on Update and Delete
 * (InvalidIfMatchVersion, PreconditionFailed), Delete only once disabled and deployed
 * (DistributionNotDisabled). A change reads InProgress in its own answer and Deployed afterwards
 * (after `EMULATOR_CLOUDFRONT_DEPLOY_MS`, default 0); invalidations likewise InProgress → Completed.
 *
 * Data plane at `http://{distributionId}.cloudfront.localhost:PORT/` (Node callers connect to
 * 127.0.0.1 with that Host header): default root object, cache behaviours by path pattern, an
 * in-memory cache per distribution with AWS's TTL rules (MinTTL/DefaultTTL/MaxTTL, the origin's
 * Cache-Control s-maxage/max-age/no-cache and Expires, 10 s for errors), `X-Cache` (Hit, Miss,
 * Error from cloudfront) and `Age`, invalidations that purge (exact paths and trailing `*`),
 * custom error responses. Origins: S3 website endpoints and S3 REST endpoints (anonymous and
 * policy-checked, or read as the owner with an origin access control/identity) through the local
 * S3 service; other `*.localhost` origins through the edge over HTTP. The API's DomainName is
 * `{id}.cloudfront.net` (lower case).
 *
 * Not yet: cache policies other than AWS's managed CachingOptimized/CachingDisabled/
 * UseOriginCacheControlHeaders (no CreateCachePolicy), origin request and response headers
 * policies, cache keys on headers and cookies, origin groups (failover), CloudFront Functions
 * and Lambda@Edge, signed URLs/cookies and trusted key groups, geo restrictions, HTTPS and
 * viewer protocol policies (the local edge is HTTP only), Range requests served from the cache,
 * compression, aliases/CNAMEs and certificates, logging, continuous deployment (staging
 * distributions), multi-tenant distributions, OAC/OAI management APIs (their ids are trusted as
 * given), field-level encryption, streaming distributions, CloudFront metrics, and internet
 * origins (offline: they answer 502).
 */

import type { EdgeRequest, EdgeResponse } from '../../core/http.js';
import type { Service, ServiceContext } from '../../core/service.js';
import { operationContext } from '../../protocols/aws-json.js';
import type { CloudFrontContext } from './context.js';
import { EdgeCache } from './dataplane/cache.js';
import { CloudFrontDataPlane } from './dataplane/index.js';
import { MalformedInput } from './errors.js';
import { loadSchemas, OPERATIONS } from './operations/index.js';
import { CloudFrontState } from './state.js';
import { restXmlHandler } from './wire/rest-xml.js';

export class CloudFrontService implements Service {
  readonly name = 'cloudfront';
  readonly state: CloudFrontState;
  readonly cache = new EdgeCache();
  private controlPlane?: Promise<(req: EdgeRequest) => Promise<EdgeResponse>>;
  private readonly dataPlane: CloudFrontDataPlane;

  constructor(ctx: ServiceContext) {
    this.state = new CloudFrontState(ctx.store);
    this.dataPlane = new CloudFrontDataPlane(this.state, this.cache, ctx.services, ctx.edgeUrl);
  }

  private async createControlPlane(): Promise<(req: EdgeRequest) => Promise<EdgeResponse>> {
    const schemas = await loadSchemas();
    return restXmlHandler<CloudFrontContext>({
      serviceName: 'CloudFront',
      operations: Object.entries(OPERATIONS).map(([name, handler]) => [schemas.operations[name as keyof typeof OPERATIONS], handler]),
      context: (req) => ({ ...operationContext(req), state: this.state, cache: this.cache, edgeUrl: req.edgeUrl }),
      malformed: (message) => new MalformedInput(message),
      allSchemas: schemas.all,
    });
  }

  handle(req: EdgeRequest): Promise<EdgeResponse> {
    if (req.headers['x-local-host-id']) return this.dataPlane.handle(req);
    this.controlPlane ??= this.createControlPlane();
    return this.controlPlane.then((handle) => handle(req));
  }

  health(): Record<string, unknown> {
    return { cache: this.cache.statistics() };
  }

  async reset(): Promise<void> {
    this.cache.clear();
    this.state.forget();
  }
}
