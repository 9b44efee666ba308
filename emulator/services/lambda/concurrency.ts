import type { Store } from '../../core/store.js';
import { throttled } from './errors.js';

/** The account's concurrent executions per region: 1000 as on AWS, or `EMULATOR_LAMBDA_CONCURRENCY`. */
export function accountConcurrencyLimit(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.EMULATOR_LAMBDA_CONCURRENCY);
  return Number.isInteger(value) && value > 0 ? value : 1000;
}

/** AWS keeps this much of the account's concurrency unreserved (100, or all of it on accounts with less). */
export const minimumUnreserved = (limit: number) => Math.min(100, limit);

/** ReservedConcurrentExecutions of the functions of one account and region, in one small document. */
export class ReservedConcurrency {
  private readonly key: string;

  constructor(
    private readonly store: Store,
    account: string,
    region: string,
  ) {
    this.key = `lambda/${account}/${region}/reserved-concurrency`;
  }

  /** Read only: the store's shared frozen copy. */
  all(): Readonly<Record<string, number>> {
    return this.store.peek<Record<string, number>>(this.key) ?? {};
  }
  get(name: string): number | undefined {
    return this.all()[name];
  }
  set(name: string, value: number): void {
    this.store.put(this.key, { ...this.all(), [name]: value });
  }
  delete(name: string): void {
    const all = this.store.get<Record<string, number>>(this.key) ?? {};
    if (!(name in all)) return;
    delete all[name];
    this.store.put(this.key, all);
  }
  /** Reserved by every function but `except`. */
  total(except?: string): number {
    return Object.entries(this.all()).reduce((sum, [name, value]) => (name === except ? sum : sum + value), 0);
  }
}

/** Where an invocation counts: its function, and the version or alias it was invoked through. */
export interface InvocationScope {
  account: string;
  region: string;
  functionName: string;
  /** `name:qualifier` when invoked through a version or alias. */
  resource?: string;
  /** The version an alias invocation runs. */
  executedVersion?: string;
}

export interface ConcurrencyLease {
  /** Invocations running once this one started, per scope (ConcurrentExecutions, UnreservedConcurrentExecutions). */
  running: { account: number; unreserved: number; function: number; resource?: number; executedVersion?: number };
  release(): void;
}

/**
 * Counts invocations in flight and refuses those over a limit, as AWS does: a function with
 * reserved concurrency runs at most that many at once; the others share what the account's limit
 * leaves unreserved. Refusals are TooManyRequestsException (429), never queued.
 */
export class ConcurrencyGate {
  private readonly counts = new Map<string, number>();

  constructor(readonly accountLimit: number) {}

  acquire(scope: InvocationScope, reservations: Record<string, number>): ConcurrencyLease {
    const region = `${scope.account}/${scope.region}`;
    const reserved = reservations[scope.functionName];
    const fnKey = `${region}/fn/${scope.functionName}`;
    if (reserved !== undefined) {
      if (this.count(fnKey) >= reserved) throw throttled('ReservedFunctionConcurrentInvocationLimitExceeded');
    } else {
      if (this.count(`${region}/unreserved`) >= this.accountLimit - totalOf(reservations))
        throw throttled('ConcurrentInvocationLimitExceeded');
    }
    const keys = [region, fnKey];
    if (reserved === undefined) keys.push(`${region}/unreserved`);
    const resourceKey = scope.resource ? `${region}/res/${scope.resource}` : undefined;
    const executedKey = scope.resource && scope.executedVersion ? `${region}/exec/${scope.resource}/${scope.executedVersion}` : undefined;
    if (resourceKey) keys.push(resourceKey);
    if (executedKey) keys.push(executedKey);
    for (const key of keys) this.counts.set(key, this.count(key) + 1);
    let released = false;
    return {
      running: {
        account: this.count(region),
        unreserved: this.count(`${region}/unreserved`),
        function: this.count(fnKey),
        ...(resourceKey ? { resource: this.count(resourceKey) } : {}),
        ...(executedKey ? { executedVersion: this.count(executedKey) } : {}),
      },
      release: () => {
        if (released) return;
        released = true;
        for (const key of keys) {
          const n = this.count(key) - 1;
          if (n > 0) this.counts.set(key, n);
          else this.counts.delete(key);
        }
      },
    };
  }

  private count(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

const totalOf = (reservations: Record<string, number>) => Object.values(reservations).reduce((sum, n) => sum + n, 0);
