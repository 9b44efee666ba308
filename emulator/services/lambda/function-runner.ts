import type { Store } from '../../core/store.js';
import { functionArn, parseFunctionRef, scopeOf } from './arns.js';
import type { CodePackage, S3ObjectReader } from './code.js';
import { functionNotFound, InvalidRequestContentException, RequestTooLargeException } from './errors.js';
import type { CodeCache } from './executor/code-cache.js';
import type { Executor, FunctionSpec, InvocationOutcome } from './executor/executor.js';
import { type FunctionRecord, FunctionStore, LATEST, type VersionConfig } from './state.js';

/** A function version found from a name or ARN and an optional qualifier. */
export interface Target {
  functions: FunctionStore;
  fn: FunctionRecord;
  config: VersionConfig;
  /** The qualifier the caller named, if any. */
  qualifier?: string;
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

/**
 * What operations and other services share: state lookup per account and region, the code
 * cache, and running functions through the executor.
 */
export class FunctionRunner {
  constructor(
    private readonly store: Store,
    readonly executor: Executor,
    private readonly codeCache: CodeCache,
    private readonly endpointUrl: () => string,
    /** Reads deployment packages given as Code.S3Bucket/S3Key (undefined when S3 is not running). */
    readonly readS3?: S3ObjectReader,
  ) {}

  functions(account: string, region: string): FunctionStore {
    return new FunctionStore(this.store, account, region);
  }

  /** The function a name or ARN points to, or AWS's ResourceNotFoundException. */
  find(account: string, region: string, functionName: unknown): { functions: FunctionStore; fn: FunctionRecord; qualifier?: string } {
    const ref = parseFunctionRef(functionName);
    const scope = scopeOf(ref, account, region);
    const functions = this.functions(scope.account, scope.region);
    const fn = functions.get(ref.name);
    if (!fn) throw functionNotFound(functionArn(scope.region, scope.account, ref.name));
    return { functions, fn, ...(ref.qualifier ? { qualifier: ref.qualifier } : {}) };
  }

  /** A version of a function (`$LATEST` unless a qualifier is given in the name or separately). */
  target(account: string, region: string, functionName: unknown, qualifier?: string): Target {
    const ref = parseFunctionRef(functionName, qualifier);
    const scope = scopeOf(ref, account, region);
    const functions = this.functions(scope.account, scope.region);
    const fn = functions.get(ref.name);
    const config = fn?.versions[ref.qualifier ?? LATEST];
    if (!fn || !config) throw functionNotFound(functionArn(scope.region, scope.account, ref.name, ref.qualifier));
    return {
      functions,
      fn,
      config,
      ...(ref.qualifier ? { qualifier: ref.qualifier } : {}),
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
   * Invokes a version the way the Invoke API does: RequestResponse waits for the outcome (200),
   * Event queues it (202), DryRun only checks (204).
   */
  async invoke(
    target: Target,
    payload: Buffer,
    options: { type: 'RequestResponse' | 'Event' | 'DryRun'; requestId: string; clientContext?: string },
  ): Promise<InvocationResult> {
    const checked = this.checkPayload(payload, options.type === 'Event');
    const executedVersion = target.config.version;
    if (options.type === 'DryRun') return { statusCode: 204, payload: Buffer.alloc(0), executedVersion, logLines: [] };
    if (options.type === 'Event') {
      this.runInBackground(target, checked, options.requestId);
      return { statusCode: 202, payload: Buffer.alloc(0), executedVersion, logLines: [] };
    }
    const outcome = await this.run(target, checked, options);
    return {
      statusCode: 200,
      payload: outcome.payload,
      ...(outcome.functionError ? { functionError: outcome.functionError } : {}),
      executedVersion,
      logLines: outcome.logLines,
    };
  }

  run(target: Target, payload: Buffer, options: { requestId: string; clientContext?: string }): Promise<InvocationOutcome> {
    return this.executor.invoke(this.spec(target), {
      requestId: options.requestId,
      payload,
      invokedFunctionArn: target.invokedArn,
      ...(options.clientContext ? { clientContext: options.clientContext } : {}),
    });
  }

  /** An Event invocation: queued, run in the background; its outcome only reaches the logs. */
  runInBackground(target: Target, payload: Buffer, requestId: string): void {
    this.run(target, payload, { requestId }).catch((err) =>
      console.error(`[lambda] background invocation of ${target.fn.name} failed:`, err),
    );
  }

  private spec(target: Target): FunctionSpec {
    const { functions, fn, config } = target;
    return {
      key: `${functions.account}/${functions.region}/${fn.name}/${config.version}/`,
      revision: config.revisionId,
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
      credentials: {
        accessKeyId: functions.account === '000000000000' ? 'test' : functions.account,
        secretAccessKey: 'test',
        sessionToken: 'test',
      },
      codeDirectory: () => this.codeCache.directory(config.codeSha256Hex, () => functions.getCode(fn.name, config.codeSha256Hex)),
    };
  }
}

/** The edge as a process on this machine reaches it (127.0.0.1: `localhost` may resolve to ::1 first). */
function loopback(url: string): string {
  const parsed = new URL(url);
  if (parsed.hostname === 'localhost') parsed.hostname = '127.0.0.1';
  return parsed.origin;
}
