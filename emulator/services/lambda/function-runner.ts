import type { Store } from '../../core/store.js';
import { credentialsForRole } from '../iam/role-credentials.js';
import { functionArn, parseFunctionRef, scopeOf } from './arns.js';
import type { CodePackage, S3ObjectReader } from './code.js';
import { type ConcurrencyGate, type ConcurrencyLease, type InvocationScope, ReservedConcurrency } from './concurrency.js';
import { functionNotFound, InvalidRequestContentException, RequestTooLargeException, TooManyRequestsException } from './errors.js';
import type { CodeCache } from './executor/code-cache.js';
import type { Executor, FunctionSpec, InvocationOutcome } from './executor/executor.js';
import type { LambdaMetrics } from './metrics.js';
import { pickVersion, resolveQualifier } from './qualifiers.js';
import { type AliasRecord, environmentRevision, type FunctionRecord, FunctionStore, type VersionConfig } from './state.js';

/** A function version, or an alias, found from a name or ARN and an optional qualifier. */
export interface Target {
  functions: FunctionStore;
  fn: Readonly<FunctionRecord>;
  /** The version named, or the version the alias points to. */
  config: Readonly<VersionConfig>;
  /** The qualifier the caller named, if any (a version number, `$LATEST` or an alias name). */
  qualifier?: string;
  /** Set when the qualifier names an alias: invocations may run another version by weight. */
  alias?: AliasRecord;
  /** The ARN as the caller named it (qualified when a qualifier was given). */
  invokedArn: string;
}

export interface InvocationResult {
  statusCode: number;
  payload: Buffer;
  functionError?: 'Unhandled';
  executedVersion: string;
  logLines: string[];
}

const MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
const MAX_ASYNC_PAYLOAD = 1024 * 1024;
/** An event throttled this long is dropped, as with AWS's default MaximumEventAgeInSeconds. */
const MAX_EVENT_AGE_MS = 6 * 60 * 60 * 1000;
const MAX_EVENT_RETRY_DELAY_MS = 5 * 60 * 1000;

/**
 * What operations and other services share: state lookup per account and region, the code
 * cache, and running functions through the executor.
 */
export class FunctionRunner {
  /** Throttled Event invocations waiting for another attempt. */
  private readonly retries = new Set<NodeJS.Timeout>();

  constructor(
    private readonly store: Store,
    readonly executor: Executor,
    private readonly codeCache: CodeCache,
    private readonly endpointUrl: () => string,
    readonly gate: ConcurrencyGate,
    private readonly metrics: LambdaMetrics,
    /** Reads deployment packages given as Code.S3Bucket/S3Key (undefined when S3 is not running). */
    readonly readS3?: S3ObjectReader,
  ) {}

  functions(account: string, region: string): FunctionStore {
    return new FunctionStore(this.store, account, region);
  }

  reservedConcurrency(account: string, region: string): ReservedConcurrency {
    return new ReservedConcurrency(this.store, account, region);
  }

  /**
   * The function a name or ARN points to, or AWS's ResourceNotFoundException, with the qualifier
   * named in it or given beside it (not checked: see resolveQualifier).
   */
  find(
    account: string,
    region: string,
    functionName: unknown,
    qualifier?: string,
  ): { functions: FunctionStore; fn: FunctionRecord; qualifier?: string } {
    const ref = parseFunctionRef(functionName, qualifier);
    const scope = scopeOf(ref, account, region);
    const functions = this.functions(scope.account, scope.region);
    const fn = functions.get(ref.name);
    if (!fn) throw functionNotFound(functionArn(scope.region, scope.account, ref.name));
    return { functions, fn, ...(ref.qualifier ? { qualifier: ref.qualifier } : {}) };
  }

  /**
   * A version or alias of a function (`$LATEST` unless a qualifier is given in the name or
   * separately). Its records are the store's shared frozen copies: read them, never change them.
   */
  target(account: string, region: string, functionName: unknown, qualifier?: string): Target {
    const ref = parseFunctionRef(functionName, qualifier);
    const scope = scopeOf(ref, account, region);
    const functions = this.functions(scope.account, scope.region);
    const fn = functions.peek(ref.name);
    const resolved = fn && resolveQualifier(fn, ref.qualifier);
    if (!fn || !resolved) throw functionNotFound(functionArn(scope.region, scope.account, ref.name, ref.qualifier));
    return {
      functions,
      fn,
      config: resolved.config,
      ...(ref.qualifier ? { qualifier: ref.qualifier } : {}),
      ...(resolved.alias ? { alias: resolved.alias } : {}),
      invokedArn: functionArn(scope.region, scope.account, fn.name, ref.qualifier),
    };
  }

  /** Keeps a new deployment package: the zip in the store, the files unpacked for the executor. */
  keepCode(functions: FunctionStore, name: string, code: CodePackage): void {
    functions.putCode(name, code.sha256Hex, code.zip);
    this.codeCache.prepare(code.sha256Hex, code.files);
  }

  /** Stops the warm environments of a function (of one version, or all of them). */
  retire(functions: FunctionStore, name: string, version?: string): void {
    this.executor.retire(`${functions.account}/${functions.region}/${name}/${version ? `${version}/` : ''}`);
  }

  /** Rejects payloads Lambda refuses: too large, or not JSON. */
  checkPayload(payload: Buffer, asynchronous: boolean): Buffer {
    const limit = asynchronous ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD;
    if (payload.length > limit) {
      throw new RequestTooLargeException(`Request must be smaller than ${limit} bytes for the InvokeFunction operation`);
    }
    if (!payload.length) return Buffer.from('{}');
    try {
      JSON.parse(payload.toString('utf8'));
    } catch (err) {
      throw new InvalidRequestContentException(
        `Could not parse request body into json: Could not parse payload into json: ${(err as Error).message}`,
      );
    }
    return payload;
  }

  /**
   * Invokes a version or alias the way the Invoke API does: RequestResponse waits for the outcome
   * (200), Event queues it (202), DryRun only checks (204). An alias with a routing configuration
   * runs one of its versions by weight; `executedVersion` tells which. Over a concurrency limit a
   * RequestResponse invocation is refused with TooManyRequestsException; an Event one is retried.
   */
  async invoke(
    target: Target,
    payload: Buffer,
    options: { type: 'RequestResponse' | 'Event' | 'DryRun'; requestId: string; clientContext?: string },
  ): Promise<InvocationResult> {
    const checked = this.checkPayload(payload, options.type === 'Event');
    const config = this.executedConfig(target);
    const executedVersion = config.version;
    if (options.type === 'DryRun') return { statusCode: 204, payload: Buffer.alloc(0), executedVersion, logLines: [] };
    if (options.type === 'Event') {
      this.runInBackground(target, config, checked, options.requestId);
      return { statusCode: 202, payload: Buffer.alloc(0), executedVersion, logLines: [] };
    }
    const outcome = await this.run(target, config, checked, options);
    return {
      statusCode: 200,
      payload: outcome.payload,
      ...(outcome.functionError ? { functionError: outcome.functionError } : {}),
      executedVersion,
      logLines: outcome.logLines,
    };
  }

  /** Runs one invocation within the concurrency limits, recording its metrics. */
  async run(
    target: Target,
    config: VersionConfig,
    payload: Buffer,
    options: { requestId: string; clientContext?: string },
  ): Promise<InvocationOutcome> {
    const scope = invocationScope(target, config);
    const reservations = this.reservedConcurrency(scope.account, scope.region).all();
    const lease = this.acquire(scope, reservations);
    try {
      const outcome = await this.executor.invoke(this.spec(target, config, reservations[target.fn.name]), {
        requestId: options.requestId,
        payload,
        invokedFunctionArn: target.invokedArn,
        ...(options.clientContext ? { clientContext: options.clientContext } : {}),
      });
      this.metrics.invoked(scope, { durationMs: outcome.durationMs, error: !!outcome.functionError }, lease.running);
      return outcome;
    } finally {
      lease.release();
    }
  }

  /**
   * An Event invocation: run in the background, its outcome only reaching the logs. Throttled, it
   * is tried again with growing delays, as Lambda's event queue does, for up to six hours.
   */
  runInBackground(target: Target, config: VersionConfig, payload: Buffer, requestId: string, queuedAt = Date.now(), delayMs = 1000): void {
    this.run(target, config, payload, { requestId }).catch((err) => {
      if (err instanceof TooManyRequestsException && Date.now() - queuedAt < MAX_EVENT_AGE_MS) {
        const timer = setTimeout(() => {
          this.retries.delete(timer);
          this.retryInBackground(target, payload, requestId, queuedAt, Math.min(delayMs * 2, MAX_EVENT_RETRY_DELAY_MS));
        }, delayMs);
        timer.unref();
        this.retries.add(timer);
        return;
      }
      console.error(`[lambda] background invocation of ${target.fn.name} failed:`, err);
    });
  }

  /** Another attempt at a throttled event: the function, version or alias is looked up again (it may have changed or gone). */
  private retryInBackground(previous: Target, payload: Buffer, requestId: string, queuedAt: number, delayMs: number): void {
    let target: Target;
    try {
      target = this.target(previous.functions.account, previous.functions.region, previous.invokedArn);
    } catch {
      console.error(`[lambda] dropped a queued event for ${previous.invokedArn}: the function is gone`);
      return;
    }
    this.runInBackground(target, this.executedConfig(target), payload, requestId, queuedAt, delayMs);
  }

  /** Drops the throttled Event invocations still waiting (reset, shutdown). */
  stop(): void {
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
  }

  private acquire(scope: InvocationScope, reservations: Record<string, number>): ConcurrencyLease {
    try {
      return this.gate.acquire(scope, reservations);
    } catch (err) {
      if (err instanceof TooManyRequestsException) this.metrics.throttled(scope);
      throw err;
    }
  }

  /** The version an invocation runs: the target's, or for an alias one of its versions by weight. */
  private executedConfig(target: Target): VersionConfig {
    if (!target.alias) return target.config;
    return target.fn.versions[pickVersion(target.alias)] ?? target.config;
  }

  private spec(target: Target, config: VersionConfig, reserved: number | undefined): FunctionSpec {
    const { functions, fn } = target;
    return {
      key: `${functions.account}/${functions.region}/${fn.name}/${config.version}/`,
      revision: environmentRevision(config),
      ...(reserved ? { maxEnvironments: reserved } : {}),
      account: functions.account,
      region: functions.region,
      functionName: fn.name,
      version: config.version,
      runtime: config.runtime,
      handler: config.handler,
      memorySize: config.memorySize,
      timeout: config.timeout,
      variables: config.environment ?? {},
      logGroup: `/aws/lambda/${fn.name}`,
      endpointUrl: loopback(this.endpointUrl()),
      credentials: credentialsForRole(this.store, functions.account, config.role, fn.name) ?? {
        accessKeyId: functions.account === '000000000000' ? 'test' : functions.account,
        secretAccessKey: 'test',
        sessionToken: 'test',
      },
      codeDirectory: () => this.codeCache.directory(config.codeSha256Hex, () => functions.getCode(fn.name, config.codeSha256Hex)),
    };
  }
}

/** Where an invocation counts for concurrency and metrics. */
function invocationScope(target: Target, config: VersionConfig): InvocationScope {
  const { functions, fn, qualifier, alias } = target;
  return {
    account: functions.account,
    region: functions.region,
    functionName: fn.name,
    ...(qualifier ? { resource: `${fn.name}:${qualifier}` } : {}),
    ...(alias ? { executedVersion: config.version } : {}),
  };
}

/** The edge as a process on this machine reaches it (127.0.0.1: `localhost` may resolve to ::1 first). */
function loopback(url: string): string {
  const parsed = new URL(url);
  if (parsed.hostname === 'localhost') parsed.hostname = '127.0.0.1';
  return parsed.origin;
}
