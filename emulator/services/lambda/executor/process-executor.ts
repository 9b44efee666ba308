import { availableParallelism } from 'node:os';
import type { LogEventInput } from '../../logs/log-writer.js';
import { ExecutionEnvironment, type RawResult } from './execution-environment.js';
import type { Executor, FunctionSpec, InvocationOutcome, InvocationRequest, LogSink } from './executor.js';
import { endLine, reportLine, startLine, timeoutLine } from './log-lines.js';

export interface ProcessExecutorOptions {
  sink: LogSink;
  /** Concurrent environments per function version unless its spec says otherwise; further invocations queue. */
  maxEnvironmentsPerFunction?: number;
  /**
   * Environments per function version started as soon as an invocation finds the others busy;
   * beyond them, only once the queue stops moving (see ProcessExecutor). Default: the CPU count.
   */
  eagerEnvironmentsPerFunction?: number;
  /** An environment idle this long is stopped. */
  idleTimeoutMs?: number;
}

interface Waiter {
  spec: FunctionSpec;
  resolve(env: ExecutionEnvironment): void;
  reject(err: Error): void;
}

interface Pool {
  revision: string;
  /** Environments this version may run at once. */
  max: number;
  envs: Set<ExecutionEnvironment>;
  waiting: Waiter[];
  /** performance.now() when an invocation last finished, or the queue last grew an environment. */
  lastProgress: number;
  /** Checks whether the queue is stuck, while invocations wait beyond the eager environments. */
  stallCheck?: NodeJS.Timeout;
}

/** Invocations waiting this long with no invocation of the function finishing grow the pool. */
const STALL_MS = 250;

/**
 * Runs functions in warm Node child processes: reused while warm, one invocation at a time each,
 * stopped when idle, on a code or configuration change, on timeout and on close.
 *
 * Scaling out: an invocation that finds every environment busy starts a new one while there are
 * fewer than the eager count (the CPU count); beyond it, it queues, and more environments (up to
 * the cap, or the reserved concurrency) start only when the queue stops moving: no invocation
 * finished for STALL_MS doubles the pool, and again each STALL_MS it stays stuck. Short CPU-bound
 * invocations (an API's handlers) then share a few warm environments instead of spreading over
 * processes that only compete for the same cores (measured: 10 environments of the chat's message
 * handler took 1.8x the CPU of 2 for the same requests); long or waiting ones (sleeps, slow
 * calls) still get an environment each, a few STALL_MS later than on AWS.
 */
export class ProcessExecutor implements Executor {
  private readonly pools = new Map<string, Pool>();
  private readonly max: number;
  private readonly eager: number;
  private readonly idleTimeoutMs: number;
  private readonly reaper: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: ProcessExecutorOptions) {
    this.max = options.maxEnvironmentsPerFunction ?? 10;
    this.eager = Math.max(1, options.eagerEnvironmentsPerFunction ?? availableParallelism());
    this.idleTimeoutMs = options.idleTimeoutMs ?? 5 * 60 * 1000;
    this.reaper = setInterval(() => this.reapIdle(), Math.min(30_000, Math.max(1000, this.idleTimeoutMs / 2)));
    this.reaper.unref();
  }

  async invoke(spec: FunctionSpec, request: InvocationRequest): Promise<InvocationOutcome> {
    for (let attempt = 0; ; attempt++) {
      let env: ExecutionEnvironment;
      try {
        env = await this.acquire(spec);
      } catch (err) {
        return this.failure(spec, request, err as Error);
      }
      const raw = await env.invoke(request);
      this.release(env);
      if (raw.status === 'lost' && attempt < 2) continue;
      if (raw.status === 'lost') return this.failure(spec, request, new Error('the execution environment kept exiting'));
      return this.report(spec, request, env, raw);
    }
  }

  retire(keyPrefix: string): void {
    for (const [key, pool] of this.pools) {
      if (!key.startsWith(keyPrefix)) continue;
      for (const env of pool.envs) this.retireEnvironment(pool, env);
      if (!pool.envs.size && !pool.waiting.length) this.pools.delete(key);
    }
  }

  stats(): Record<string, unknown> {
    let environments = 0;
    let busy = 0;
    for (const pool of this.pools.values()) {
      environments += pool.envs.size;
      for (const env of pool.envs) if (env.state === 'busy' || env.state === 'starting') busy++;
    }
    return { executor: 'process', environments, busy };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.reaper);
    const ending: Promise<void>[] = [];
    for (const pool of this.pools.values()) {
      if (pool.stallCheck) clearTimeout(pool.stallCheck);
      for (const waiter of pool.waiting.splice(0)) waiter.reject(new Error('the local cloud is stopping'));
      for (const env of pool.envs) {
        env.kill();
        ending.push(env.whenEnded);
      }
    }
    this.pools.clear();
    await Promise.race([Promise.all(ending), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  }

  // --- environments ------------------------------------------------------------------------

  private poolFor(spec: FunctionSpec): Pool {
    let pool = this.pools.get(spec.key);
    if (!pool) {
      pool = { revision: spec.revision, max: this.max, envs: new Set(), waiting: [], lastProgress: performance.now() };
      this.pools.set(spec.key, pool);
    }
    pool.max = Math.max(spec.maxEnvironments ?? 0, this.max);
    if (pool.revision !== spec.revision) {
      pool.revision = spec.revision;
      for (const env of pool.envs) this.retireEnvironment(pool, env);
    }
    return pool;
  }

  private acquire(spec: FunctionSpec): Promise<ExecutionEnvironment> {
    if (this.closed) return Promise.reject(new Error('the local cloud is stopping'));
    const pool = this.poolFor(spec);
    const idle = this.idleIn(pool);
    if (idle) {
      idle.state = 'busy';
      return Promise.resolve(idle);
    }
    if (pool.envs.size < Math.min(this.eager, pool.max)) return this.spawn(pool, spec);
    if (!pool.waiting.length) pool.lastProgress = Math.max(pool.lastProgress, performance.now() - STALL_MS / 2);
    const queued = new Promise<ExecutionEnvironment>((resolve, reject) => pool.waiting.push({ spec, resolve, reject }));
    this.watchForStall(pool);
    return queued;
  }

  /** While invocations wait and the pool may grow, checks that the queue keeps moving; when it does not, grows it. */
  private watchForStall(pool: Pool): void {
    if (pool.stallCheck || !pool.waiting.length || pool.envs.size >= pool.max || this.closed) return;
    const due = Math.max(1, pool.lastProgress + STALL_MS - performance.now());
    pool.stallCheck = setTimeout(() => {
      pool.stallCheck = undefined;
      if (this.closed || !pool.waiting.length) return;
      if (performance.now() - pool.lastProgress >= STALL_MS) {
        // Stuck: the pool doubles (within its cap), and again each STALL_MS it stays stuck.
        pool.lastProgress = performance.now();
        const target = Math.min(pool.max, pool.envs.size * 2);
        while (pool.waiting.length && pool.envs.size < target) {
          const waiter = pool.waiting.shift()!;
          this.spawn(pool, waiter.spec).then(waiter.resolve, waiter.reject);
        }
      }
      this.watchForStall(pool);
    }, due);
    pool.stallCheck.unref();
  }

  private idleIn(pool: Pool): ExecutionEnvironment | undefined {
    for (const env of pool.envs) if (env.state === 'idle' && !env.retired && env.revision === pool.revision) return env;
    return undefined;
  }

  private async spawn(pool: Pool, spec: FunctionSpec): Promise<ExecutionEnvironment> {
    const env = new ExecutionEnvironment(spec, {
      strayLogs: (source, events) => this.write(source.spec, source.logStream, events),
      ended: (source) => {
        const owner = this.pools.get(source.spec.key);
        if (owner?.envs.delete(source)) this.dispatch(owner);
      },
    });
    pool.envs.add(env);
    try {
      await env.start();
    } catch (err) {
      pool.envs.delete(env);
      env.kill();
      throw err;
    }
    env.state = 'busy';
    return env;
  }

  private release(env: ExecutionEnvironment): void {
    const pool = this.pools.get(env.spec.key);
    if (!pool || env.state === 'dead' || env.retired || env.revision !== pool.revision) {
      pool?.envs.delete(env);
      env.kill();
    } else {
      env.state = 'idle';
      env.lastUsed = Date.now();
    }
    if (pool) {
      pool.lastProgress = performance.now();
      this.dispatch(pool);
    }
  }

  /** Hands free environments (or new ones, below the cap) to queued invocations. */
  private dispatch(pool: Pool): void {
    while (pool.waiting.length && !this.closed) {
      const idle = this.idleIn(pool);
      if (idle) {
        idle.state = 'busy';
        pool.waiting.shift()!.resolve(idle);
      } else if (pool.envs.size < Math.min(this.eager, pool.max)) {
        const waiter = pool.waiting.shift()!;
        this.spawn(pool, waiter.spec).then(waiter.resolve, waiter.reject);
      } else {
        this.watchForStall(pool);
        return;
      }
    }
  }

  private retireEnvironment(pool: Pool, env: ExecutionEnvironment): void {
    env.retired = true;
    if (env.state === 'idle' || env.state === 'dead') {
      pool.envs.delete(env);
      env.kill();
    }
  }

  private reapIdle(): void {
    const now = Date.now();
    for (const [key, pool] of this.pools) {
      for (const env of pool.envs) {
        if (env.state === 'idle' && now - env.lastUsed > this.idleTimeoutMs) {
          pool.envs.delete(env);
          env.kill();
        }
      }
      if (!pool.envs.size && !pool.waiting.length) this.pools.delete(key);
    }
  }

  // --- logs --------------------------------------------------------------------------------

  private report(spec: FunctionSpec, request: InvocationRequest, env: ExecutionEnvironment, raw: RawResult): InvocationOutcome {
    const id = request.requestId;
    const now = Date.now();
    const events: LogEventInput[] = [{ timestamp: raw.startedAt, message: startLine(id, spec.version) }, ...raw.lines];
    if (raw.status === 'timeout') events.push({ timestamp: now, message: timeoutLine(id, spec.timeout) });
    events.push({ timestamp: now, message: endLine(id) });
    events.push({
      timestamp: now,
      message: reportLine({
        requestId: id,
        durationMs: raw.durationMs,
        memorySize: spec.memorySize,
        maxMemoryUsedMB: raw.maxMemoryUsedMB,
        initDurationMs: raw.initDurationMs,
        ...(raw.status === 'timeout' ? { status: 'timeout' as const } : {}),
        ...(raw.status === 'crash' ? { status: 'error' as const, errorType: raw.errorType } : {}),
      }),
    });
    this.write(spec, env.logStream, events);
    return {
      requestId: id,
      payload: raw.payload,
      ...(raw.functionError ? { functionError: raw.functionError } : {}),
      logLines: events.map((e) => e.message),
      logStream: env.logStream,
      durationMs: raw.durationMs,
      ...(raw.initDurationMs !== undefined ? { initDurationMs: raw.initDurationMs } : {}),
    };
  }

  private failure(spec: FunctionSpec, request: InvocationRequest, err: Error): InvocationOutcome {
    if (!this.closed) console.error(`[lambda] could not run ${spec.functionName}:`, err);
    const error = { errorType: 'Runtime.Unknown', errorMessage: `RequestId: ${request.requestId} Error: ${err.message}` };
    return {
      requestId: request.requestId,
      payload: Buffer.from(JSON.stringify(error)),
      functionError: 'Unhandled',
      logLines: [],
      logStream: '',
      durationMs: 0,
    };
  }

  private write(spec: FunctionSpec, stream: string, events: LogEventInput[]): void {
    try {
      this.options.sink({ account: spec.account, region: spec.region, group: spec.logGroup, stream }, events);
    } catch (err) {
      console.error(`[lambda] could not write the logs of ${spec.functionName}:`, err);
    }
  }
}
