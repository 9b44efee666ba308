import type { CacheBehavior, DefaultCacheBehavior, DistributionConfig } from '@aws-sdk/client-cloudfront';

const compiled = new Map<string, RegExp>();

/** A path pattern (`images/*.jpg`, `/api/*`, `a?c`) as a regular expression; the leading slash is optional, case matters. */
export function patternRegex(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    const body = pattern
      .replace(/^\//, '')
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, 's');
    compiled.set(pattern, re);
  }
  return re;
}

/** The first cache behaviour whose pattern matches the path (in order), else the default one. */
export function behaviorFor(config: DistributionConfig, path: string): DefaultCacheBehavior | CacheBehavior {
  const relative = path.replace(/^\//, '');
  return config.CacheBehaviors?.Items?.find((b) => patternRegex(b.PathPattern ?? '').test(relative)) ?? config.DefaultCacheBehavior!;
}
