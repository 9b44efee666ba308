import { createHash } from 'node:crypto';
import type { BatchOperation, LevelDb } from '../dynalite.js';
import { IdempotentParameterMismatchException, ValidationException } from '../errors.js';

const TOKEN_PREFIX = 'ddb-token~';
/** A token makes TransactWriteItems idempotent for 10 minutes after its first use. */
export const TOKEN_LIFETIME_MS = 10 * 60 * 1000;

interface TokenRecord {
  /** Digest of the request without its token. */
  digest: string;
  at: number;
  output: Record<string, unknown>;
}

/**
 * ClientRequestToken bookkeeping. A token is recorded in the same LevelDB batch as the
 * transaction it names, so a retried request finds it exactly when the transaction applied.
 */
export class RequestTokens {
  constructor(private readonly db: LevelDb) {}

  /** Validates the token member; returns it when present. */
  static check(token: unknown): string | undefined {
    if (token === undefined || token === null) return undefined;
    if (typeof token !== 'string' || token.length < 1 || token.length > 36) {
      throw new ValidationException(
        `1 validation error detected: Value '${String(token)}' at 'clientRequestToken' failed to satisfy constraint: Member must have length ${typeof token === 'string' && token.length > 36 ? 'less than or equal to 36' : 'greater than or equal to 1'}`,
      );
    }
    return token;
  }

  /** The answer of the transaction this token already applied, if it did so in the last 10 minutes. */
  async replay(token: string, request: Record<string, unknown>, now = Date.now()): Promise<Record<string, unknown> | undefined> {
    const record = (await this.db.get(TOKEN_PREFIX + token).catch(() => undefined)) as TokenRecord | undefined;
    if (!record || now - record.at > TOKEN_LIFETIME_MS) return undefined;
    if (record.digest !== digest(request)) {
      throw new IdempotentParameterMismatchException(
        'The request uses the same client token as a previous, but non-identical request. Do not reuse a client token with different requests, unless the requests are identical.',
      );
    }
    return record.output;
  }

  recordOperations(token: string, request: Record<string, unknown>, output: Record<string, unknown>, now = Date.now()): BatchOperation[] {
    return [{ type: 'put', key: TOKEN_PREFIX + token, value: { digest: digest(request), at: now, output } satisfies TokenRecord }];
  }

  /** Forgets the tokens older than their lifetime. */
  async expire(now = Date.now()): Promise<void> {
    const stale: BatchOperation[] = [];
    for await (const [key, value] of this.db.iterator({ gte: TOKEN_PREFIX, lt: `${TOKEN_PREFIX}\xff` })) {
      if (now - (value as TokenRecord).at > TOKEN_LIFETIME_MS) stale.push({ type: 'del', key });
    }
    if (stale.length) await this.db.batch(stale);
  }
}

function digest(request: Record<string, unknown>): string {
  const { ClientRequestToken: _, ...rest } = request;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}
