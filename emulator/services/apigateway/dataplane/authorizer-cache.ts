/**
 * API Gateway caches an authorizer's result per identity (the token) for the authorizer's
 * authorizerResultTtlInSeconds (300 unless set; 0 turns caching off). A cached Cognito result is
 * the verified token: the method's scopes and the identity validation expression are still checked
 * on every request. Entries end with the TTL or the token's own expiry, whichever comes first.
 */
export interface CachedIdentity {
  claims: Record<string, unknown>;
  tokenUse: 'id' | 'access';
}

const MAX_ENTRIES = 10_000;

export class AuthorizerCache {
  private readonly entries = new Map<string, { identity: CachedIdentity; until: number }>();

  get(scope: string, token: string, now = Date.now()): CachedIdentity | undefined {
    const key = `${scope}\u0000${token}`;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > now) return entry.identity;
    this.entries.delete(key);
    return undefined;
  }

  /** Keeps a verified token for `ttlSeconds`, at most until `expiresAt` (epoch ms: the token's exp). */
  put(scope: string, token: string, identity: CachedIdentity, ttlSeconds: number, expiresAt: number, now = Date.now()): void {
    const until = Math.min(now + ttlSeconds * 1000, expiresAt);
    if (ttlSeconds <= 0 || !(until > now)) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(`${scope}\u0000${token}`, { identity, until });
  }

  clear(): void {
    this.entries.clear();
  }
}
