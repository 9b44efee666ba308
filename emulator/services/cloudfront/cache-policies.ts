/** TTLs (seconds) a cache behaviour applies, from its legacy settings or its cache policy. */
export interface BehaviorTtls {
  min: number;
  default: number;
  max: number;
  /** Whether the query string is part of the cache key (and forwarded). */
  queryString: boolean;
}

/** AWS's managed cache policies the local cloud knows (custom cache policies are not emulated yet). */
export const MANAGED_CACHE_POLICIES: Record<string, { name: string; ttls: BehaviorTtls }> = {
  '658327ea-f89d-4fab-a63d-7e88639e58f6': {
    name: 'Managed-CachingOptimized',
    ttls: { min: 1, default: 86_400, max: 31_536_000, queryString: false },
  },
  'b2884449-e4de-46a7-ac36-70bc7f1ddd6d': {
    name: 'Managed-CachingOptimizedForUncompressedObjects',
    ttls: { min: 1, default: 86_400, max: 31_536_000, queryString: false },
  },
  '4135ea2d-6df8-44a3-9df3-4b5a84be39ad': { name: 'Managed-CachingDisabled', ttls: { min: 0, default: 0, max: 0, queryString: false } },
  '4cc15a8a-d715-48a4-82b8-cc0b614638fe': {
    name: 'UseOriginCacheControlHeaders-QueryStrings',
    ttls: { min: 0, default: 0, max: 31_536_000, queryString: true },
  },
  '83da9c7e-98b4-4e11-a168-04f0df8e2c65': {
    name: 'UseOriginCacheControlHeaders',
    ttls: { min: 0, default: 0, max: 31_536_000, queryString: false },
  },
};
