import { randomBytes } from 'node:crypto';
import type { CacheBehavior, CustomErrorResponse, DefaultCacheBehavior } from '@aws-sdk/client-cloudfront';
import type { EdgeRequest, EdgeResponse } from '../../../core/http.js';
import type { ServiceRegistry } from '../../../core/service.js';
import { behaviorTtls } from '../config.js';
import type { CloudFrontState, DistributionRecord } from '../state.js';
import { behaviorFor } from './behaviors.js';
import type { CachedResponse, EdgeCache } from './cache.js';
import { BAD_REQUEST, errorPage, METHOD_NOT_ALLOWED, ORIGIN_UNREACHABLE } from './error-page.js';
import { fetchFromOrigin, type OriginResponse } from './origins.js';
import { ttlSeconds } from './ttl.js';

/** What an edge location adds to every answer. */
function edgeHeaders(requestId: string): Record<string, string> {
  return {
    via: `1.1 ${randomBytes(16).toString('hex')}.cloudfront.net (CloudFront)`,
    'x-amz-cf-pop': 'LOCAL1-C1',
    'x-amz-cf-id': Buffer.from(requestId).toString('base64url'),
  };
}

interface Fetched {
  response: OriginResponse;
  ttl: number;
  error: boolean;
}

/**
 * The data plane of every distribution (`{id}.cloudfront.localhost:PORT`): the default root
 * object, cache behaviours by path pattern, a per-distribution cache with AWS's TTL rules and
 * X-Cache/Age headers, custom error responses, then the origin.
 */
export class CloudFrontDataPlane {
  constructor(
    private readonly state: CloudFrontState,
    private readonly cache: EdgeCache,
    private readonly services: ServiceRegistry,
    private readonly edgeUrl: () => string,
  ) {}

  async handle(req: EdgeRequest): Promise<EdgeResponse> {
    const distribution = this.state.findDistribution((req.headers['x-local-host-id'] ?? '').toUpperCase());
    const extra = edgeHeaders(req.requestId);
    if (!distribution?.config.Enabled) return errorPage(403, BAD_REQUEST, req.requestId, extra);
    const config = distribution.config;
    const viewerPath = req.rawPath;
    const objectPath = viewerPath === '/' && config.DefaultRootObject ? `/${config.DefaultRootObject}` : viewerPath;
    const behavior = behaviorFor(config, safeDecode(objectPath));
    const allowed = behavior.AllowedMethods?.Items ?? ['GET', 'HEAD'];
    if (!(allowed as string[]).includes(req.method)) return errorPage(403, METHOD_NOT_ALLOWED, req.requestId, extra);
    const ttls = behaviorTtls(behavior);
    const rawQuery = req.raw.url?.includes('?') ? req.raw.url.slice(req.raw.url.indexOf('?') + 1) : '';
    const query = ttls.queryString ? rawQuery : '';

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const fetched = await this.origin(distribution, behavior, objectPath, query, req, req.method);
      if (!fetched) return errorPage(502, ORIGIN_UNREACHABLE, req.requestId, extra);
      return this.answer(req, fetched, 'Miss from cloudfront', undefined, extra);
    }

    const key = viewerPath + (query ? `?${query}` : '');
    const now = Date.now();
    const cached = this.cache.get(distribution.Id, key, now);
    if (cached) {
      this.cache.count(distribution.Id, 'hits');
      const age = Math.floor((now - cached.storedAt) / 1000);
      return this.answer(req, cached, cached.error ? 'Error from cloudfront' : 'Hit from cloudfront', age, extra);
    }
    this.cache.count(distribution.Id, 'misses');
    const fetched = await this.fetchWithErrorResponses(distribution, behavior, objectPath, query, req);
    if (!fetched) return errorPage(502, ORIGIN_UNREACHABLE, req.requestId, extra);
    const entry: CachedResponse = {
      status: fetched.response.status,
      headers: fetched.response.headers,
      body: fetched.response.body,
      storedAt: now,
      expiresAt: now + fetched.ttl * 1000,
      error: fetched.error,
    };
    if (fetched.ttl > 0) this.cache.put(distribution.Id, key, entry);
    return this.answer(req, entry, fetched.error ? 'Error from cloudfront' : 'Miss from cloudfront', undefined, extra);
  }

  private async origin(
    distribution: DistributionRecord,
    behavior: DefaultCacheBehavior | CacheBehavior,
    objectPath: string,
    query: string,
    req: EdgeRequest,
    method: string,
  ): Promise<OriginResponse | undefined> {
    const origin = distribution.config.Origins?.Items?.find((o) => o.Id === behavior.TargetOriginId);
    if (!origin) return undefined;
    return fetchFromOrigin(this.services, this.edgeUrl(), origin, {
      method,
      rawPath: (origin.OriginPath ?? '') + objectPath,
      query,
      headers: req.headers,
      body: req.body,
      requestId: req.requestId,
    });
  }

  /** The origin's answer, replaced by the custom error response configured for its status. */
  private async fetchWithErrorResponses(
    distribution: DistributionRecord,
    behavior: DefaultCacheBehavior | CacheBehavior,
    objectPath: string,
    query: string,
    req: EdgeRequest,
  ): Promise<Fetched | undefined> {
    const ttls = behaviorTtls(behavior);
    const response = await this.origin(distribution, behavior, objectPath, query, req, 'GET');
    if (!response) return undefined;
    if (response.status < 400) return { response, ttl: ttlSeconds(response.status, response.headers, ttls, Date.now()), error: false };
    const custom: CustomErrorResponse | undefined = distribution.config.CustomErrorResponses?.Items?.find(
      (r) => r.ErrorCode === response.status,
    );
    const errorTtl = custom?.ErrorCachingMinTTL;
    if (custom?.ResponsePagePath) {
      const pageBehavior = behaviorFor(distribution.config, safeDecode(custom.ResponsePagePath));
      const page = await this.origin(distribution, pageBehavior, custom.ResponsePagePath, '', req, 'GET');
      if (page && page.status < 400) {
        const status = Number(custom.ResponseCode) || response.status;
        return { response: { ...page, status }, ttl: errorTtl ?? 10, error: true };
      }
    }
    return { response, ttl: ttlSeconds(response.status, response.headers, ttls, Date.now(), errorTtl), error: true };
  }

  private answer(
    req: EdgeRequest,
    entry: OriginResponse,
    xCache: string,
    age: number | undefined,
    extra: Record<string, string>,
  ): EdgeResponse {
    const headers: Record<string, string> = { ...entry.headers, 'x-cache': xCache, ...extra };
    if (age !== undefined) headers.age = String(age);
    const etag = entry.headers.etag;
    if (entry.status === 200 && etag && req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
      const notModified: Record<string, string> = { etag, 'x-cache': xCache, ...extra };
      if (entry.headers['last-modified']) notModified['last-modified'] = entry.headers['last-modified'];
      if (age !== undefined) notModified.age = String(age);
      return { status: 304, headers: notModified };
    }
    if (req.method === 'HEAD') {
      headers['content-length'] = String(entry.body.length);
      return { status: entry.status, headers, body: '' };
    }
    return { status: entry.status, headers, body: entry.body };
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
