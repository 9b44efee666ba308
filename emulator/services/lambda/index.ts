/**
 * Lambda (restJson1, /2015-03-31/... and friends): functions with zip code and configuration;
 * published versions (immutable snapshots of code and configuration, each with its own warm
 * environments, `[<version>]` log streams and AWS_LAMBDA_FUNCTION_VERSION); aliases with weighted
 * routing between two versions; qualified names and ARNs (`name:alias`, `name:3`, full and partial
 * ARNs, `Qualifier`) wherever AWS takes them; one resource policy per qualifier; reserved and
 * account concurrency (`EMULATOR_LAMBDA_CONCURRENCY`, default 1000) refusing what is over the
 * limit with 429 TooManyRequestsException; tags; AWS/Lambda metrics (Invocations, Errors,
 * Throttles, Duration, ConcurrentExecutions, UnreservedConcurrentExecutions) to the monitoring
 * service when it runs. Functions run in warm Node child processes behind the Executor interface
 * (executor/), speaking the Lambda Runtime API to our own runtime client (runtime/bootstrap.mjs);
 * every invocation logs to CloudWatch Logs `/aws/lambda/<name>`. Other services invoke through
 * `invoke()` (LambdaInvoker), which resolves qualified ARNs and enforces that qualifier's policy.
 * Operation routes are grouped in tables (operations/index.ts); a new group adds its own table.
 *
 * Not yet: provisioned concurrency, S3ObjectVersion for code in S3, container images, layers,
 * InvokeWithResponseStream and InvokeAsync, event source mappings other than from DynamoDB streams
 * (event-source-mappings/ lists what those lack), function URLs, event invoke
 * configs (async retries beyond throttling, destinations, DLQs: a throttled Event invocation is
 * retried for up to six hours, a failed one is not), AWS's per-second scaling rate limits, the
 * rule that a weighted alias's two versions share role and DLQ settings, VPC and file systems,
 * SnapStart, code signing, JSON log format, INIT_REPORT lines, metrics beyond those listed above
 * (e.g. IteratorAge, DeadLetterErrors), signing the code download URL. Without reserved
 * concurrency a function version runs at most 10 environments at once and queues further
 * invocations (protecting the host; the account limit still throttles); and where AWS starts an
 * environment for every concurrent invocation, the local cloud starts as many as the host has
 * CPUs at once and more only when the queue stops moving for 250 ms (executor/process-executor.ts),
 * so two invocations that wait on each other are served a few hundred milliseconds later. Functions run on the
 * local Node version whatever nodejs runtime they name, with the rights of the local cloud's
 * process; callers' IAM identity policies and cross-account access are not checked (the resource
 * policy is enforced for service principals through invoke()).
 */

import type { AdminRoute } from '../../core/edge.js';
import { AwsError } from '../../core/errors.js';
import type { EdgeRequest, EdgeResponse } from '../../core/http.js';
import { json } from '../../core/http.js';
import { requestId } from '../../core/ids.js';
import type { Service, ServiceContext } from '../../core/service.js';
import { operationContext } from '../../protocols/aws-json.js';
import { restJsonHandler } from '../../protocols/rest-json.js';
import type { IamService } from '../iam/index.js';
import type { LogEventInput, LogWriter } from '../logs/log-writer.js';
import { accountConcurrencyLimit, ConcurrencyGate } from './concurrency.js';
import type { LambdaContext } from './context.js';
import { AccessDeniedException } from './errors.js';
import { EventSourceMappings } from './event-source-mappings/index.js';
import { CodeCache } from './executor/code-cache.js';
import type { LogTarget } from './executor/executor.js';
import { logTail } from './executor/log-lines.js';
import { ProcessExecutor } from './executor/process-executor.js';
import { FunctionRunner } from './function-runner.js';
import type { InvokeRequest, InvokeResult, LambdaInvoker } from './invoker.js';
import { LambdaMetrics } from './metrics.js';
import { ROUTES } from './operations/index.js';
import { allowsInvoke } from './policy.js';
import { LATEST } from './state.js';

/** What the S3 service offers for reading deployment packages. */
interface S3ObjectSource {
  readObject(bucket: string, key: string): { body: Buffer } | undefined;
}

export interface LambdaServiceOptions {
  maxEnvironmentsPerFunction?: number;
  /** Environments per function started without waiting; more start when the queue stalls (default: the CPU count). */
  eagerEnvironmentsPerFunction?: number;
  idleTimeoutMs?: number;
  /** Concurrent executions per account and region (default: `EMULATOR_LAMBDA_CONCURRENCY`, else 1000). */
  accountConcurrency?: number;
}

export class LambdaService implements Service, LambdaInvoker {
  readonly name = 'lambda';
  private readonly codeCache: CodeCache;
  private readonly executor: ProcessExecutor;
  private readonly runner: FunctionRunner;
  private readonly eventSourceMappings: EventSourceMappings;
  private readonly metrics: LambdaMetrics;
  private readonly handler: (req: EdgeRequest) => Promise<EdgeResponse>;
  private readonly pendingLogs = new Map<string, { target: LogTarget; events: LogEventInput[] }>();
  private flushScheduled = false;

  constructor(
    private readonly ctx: ServiceContext,
    options: LambdaServiceOptions = {},
  ) {
    this.codeCache = new CodeCache(ctx.store.directory('lambda-code'));
    this.executor = new ProcessExecutor({ ...options, sink: (target, events) => this.queueLogs(target, events) });
    const readS3 = (bucket: string, key: string) =>
      ctx.services.has('s3') ? ctx.services.get<Service & S3ObjectSource>('s3').readObject(bucket, key)?.body : undefined;
    this.metrics = new LambdaMetrics(ctx.services);
    const gate = new ConcurrencyGate(options.accountConcurrency ?? accountConcurrencyLimit());
    this.runner = new FunctionRunner(ctx.store, this.executor, this.codeCache, () => ctx.edgeUrl(), gate, this.metrics, readS3);
    this.eventSourceMappings = new EventSourceMappings(ctx, this);
    this.handler = restJsonHandler<LambdaContext>({
      serviceName: 'Lambda',
      routes: ROUTES,
      context: (req) => ({
        ...operationContext(req),
        runner: this.runner,
        eventSourceMappings: this.eventSourceMappings,
        iam: ctx.services.has('iam') ? ctx.services.get<IamService>('iam') : undefined,
      }),
      errorBody: (err) => ({ Type: err.fault === 'client' ? 'User' : 'Service', message: err.message, ...err.extra }),
    });
  }

  handle(req: EdgeRequest): Promise<EdgeResponse> {
    return this.handler(req);
  }

  /**
   * Runs a function for another service. `functionName` may be qualified (`name:live`, `name:3`, a
   * full or partial ARN ending in a qualifier): an alias runs its version (or one of its weighted
   * versions). With a `principal`, the resource policy of exactly the qualifier named (the
   * unqualified function's when none) must allow that service principal lambda:InvokeFunction from
   * `sourceArn`; otherwise this throws AccessDeniedException (as Lambda answers API Gateway, which
   * then answers 500). Over a concurrency limit it throws TooManyRequestsException (429, `extra.Reason`).
   */
  async invoke(request: InvokeRequest): Promise<InvokeResult> {
    const target = this.runner.target(request.account, request.region, request.functionName, request.qualifier);
    if (request.principal) {
      const statements = target.fn.policies[target.qualifier ?? LATEST]?.statements ?? [];
      const caller = { principal: request.principal, ...(request.sourceArn ? { sourceArn: request.sourceArn } : {}) };
      if (!allowsInvoke(statements, caller)) {
        throw new AccessDeniedException(
          `User: ${request.principal} is not authorized to perform: lambda:InvokeFunction on resource: ${target.invokedArn} because no resource-based policy allows the lambda:InvokeFunction action`,
        );
      }
    }
    const result = await this.runner.invoke(target, request.payload, {
      type: request.invocationType ?? 'RequestResponse',
      requestId: requestId(),
    });
    return {
      statusCode: result.statusCode,
      payload: result.payload,
      ...(result.functionError ? { functionError: result.functionError } : {}),
      executedVersion: result.executedVersion,
      logTail: result.logLines.length ? Buffer.from(logTail(result.logLines), 'base64').toString('utf8') : '',
    };
  }

  /** GetFunction's Code.Location: the zip of a function version. */
  codeDownload(req: EdgeRequest): EdgeResponse {
    const q = req.query;
    const zip = this.runner
      .functions(q.get('account') ?? '', q.get('region') ?? '')
      .getCode(q.get('function') ?? '', q.get('sha256') ?? '');
    if (!zip) return json(404, { message: 'No such function code' });
    return { status: 200, headers: { 'content-type': 'application/zip' }, body: zip };
  }

  health(): Record<string, unknown> {
    return this.executor.stats();
  }

  async reset(): Promise<void> {
    await this.eventSourceMappings.stopAll();
    this.runner.stop();
    this.pendingLogs.clear();
    this.executor.retire('');
    this.codeCache.forget();
  }

  async close(): Promise<void> {
    await this.eventSourceMappings.close();
    this.runner.stop();
    await this.executor.close();
    this.flushLogs();
    this.metrics.flush();
    this.codeCache.close();
  }

  /**
   * Log lines are written just after the invocation answers (the same event-loop turn, before any
   * next request is read), batched per stream, so the disk writes stay off the Invoke round trip.
   */
  private queueLogs(target: LogTarget, events: LogEventInput[]): void {
    const key = JSON.stringify([target.account, target.region, target.group, target.stream]);
    const pending = this.pendingLogs.get(key);
    if (pending) pending.events.push(...events);
    else this.pendingLogs.set(key, { target, events: [...events] });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flushLogs());
    }
  }

  private flushLogs(): void {
    this.flushScheduled = false;
    const batches = [...this.pendingLogs.values()];
    this.pendingLogs.clear();
    const writer = this.ctx.services.has('logs') ? this.ctx.services.get<Service & LogWriter>('logs') : undefined;
    if (!writer) return;
    for (const { target, events } of batches) {
      try {
        writer.append(target.account, target.region, target.group, target.stream, events);
      } catch (err) {
        console.error(`[lambda] could not write logs to ${target.group}:`, err);
      }
    }
  }
}

export const lambdaAdminRoutes = (service: Service): Record<string, AdminRoute> => ({
  'lambda/code': (req) => {
    if (!(service instanceof LambdaService)) throw new AwsError('InternalFailure', 'lambda service missing', 500);
    return service.codeDownload(req);
  },
});
