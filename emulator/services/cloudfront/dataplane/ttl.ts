import type { BehaviorTtls } from '../cache-policies.js';

/** Statuses CloudFront caches by the behaviour's TTLs; errors are cached for ErrorCachingMinTTL. */
const CACHEABLE = new Set([200, 203, 206, 300, 301, 410]);
export const CACHED_ERRORS = new Set([400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504]);
const DEFAULT_ERROR_CACHING_MIN_TTL = 10;

function directives(cacheControl: string | undefined): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const part of (cacheControl ?? '').split(',')) {
    const [name, value] = part.trim().split('=');
    if (name) out.set(name.toLowerCase(), value?.replace(/^"|"$/g, ''));
  }
  return out;
}

const clamp = (value: number, ttls: BehaviorTtls) => Math.min(Math.max(value, ttls.min), ttls.max);

/**
 * How many seconds CloudFront keeps a response, following AWS's rules: `s-maxage`, else
 * `max-age`, clamped to [MinTTL, MaxTTL]; `no-cache`/`no-store`/`private` → MinTTL; `Expires`
 * clamped likewise; no header → DefaultTTL. Errors: ErrorCachingMinTTL (default 10 s).
 */
export function ttlSeconds(
  status: number,
  headers: Record<string, string>,
  ttls: BehaviorTtls,
  now: number,
  errorCachingMinTtl?: number,
): number {
  if (CACHED_ERRORS.has(status)) return errorCachingMinTtl ?? DEFAULT_ERROR_CACHING_MIN_TTL;
  if (!CACHEABLE.has(status)) return 0;
  const cc = directives(headers['cache-control']);
  const maxAge = cc.get('s-maxage') ?? cc.get('max-age');
  if (maxAge !== undefined && /^\d+$/.test(maxAge)) return clamp(Number(maxAge), ttls);
  if (cc.has('no-cache') || cc.has('no-store') || cc.has('private')) return ttls.min;
  if (headers.expires !== undefined) {
    const expires = Date.parse(headers.expires);
    return clamp(Number.isNaN(expires) ? 0 : Math.floor((expires - now) / 1000), ttls);
  }
  return ttls.default;
}
