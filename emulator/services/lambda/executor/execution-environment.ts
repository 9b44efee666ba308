import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants } from 'node:os';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ASSETS } from '../../../assets.js';
import { randomHex } from '../../../core/ids.js';
import type { LogEventInput } from '../../logs/log-writer.js';
import { lambdaEnvironment } from './environment-variables.js';
import type { FunctionSpec, InvocationRequest } from './executor.js';
import { logStreamName } from './log-lines.js';

const BOOTSTRAP = ASSETS.lambdaBootstrap;
const RUNTIME_PREFIX = '/2018-06-01/runtime';
/** AWS's own figure for the largest synchronous response. */
const MAX_RESPONSE_BYTES = 6_291_556;
/** Init (loading the handler module) gets at most this long, as on AWS. */
const INIT_TIMEOUT_MS = 10_000;
/** Output kept per invocation; beyond it lines are dropped so a chatty function cannot exhaust memory. */
const MAX_LOG_LINES = 10_000;
const MAX_LOG_BYTES = 5 * 1024 * 1024;
/** Room for /proc/<pid>/status (about 1.5 kB), shared: it is read synchronously. */
const STATUS_BUFFER = Buffer.alloc(8192);

export type EnvironmentState = 'starting' | 'idle' | 'busy' | 'dead';

/** How one invocation ended, as seen by the environment. */
export interface RawResult {
  payload: Buffer;
  functionError?: 'Unhandled';
  /**
   * success and error (the handler failed) leave the environment warm; timeout and crash end it;
   * lost: a warm environment ended before it took the event, so it should run elsewhere.
   */
  status: 'success' | 'error' | 'timeout' | 'crash' | 'lost';
  errorType?: string;
  /** Console output of the invocation. */
  lines: LogEventInput[];
  startedAt: number;
  durationMs: number;
  initDurationMs?: number;
  maxMemoryUsedMB: number;
}

interface Active {
  request: InvocationRequest;
  resolve: (result: RawResult) => void;
  startedAt: number;
  /** performance.now() when the event was handed to the runtime. */
  deliveredAt?: number;
  initDurationMs?: number;
  lines: LogEventInput[];
  logBytes: number;
  truncated: boolean;
  timer?: NodeJS.Timeout;
  /** A response arrived and is being completed. */
  settling: boolean;
  done: boolean;
}

export interface EnvironmentHooks {
  /** Output written outside any invocation (e.g. by a timer after the response). */
  strayLogs(env: ExecutionEnvironment, events: LogEventInput[]): void;
  /** The environment ended (process exited or killed). */
  ended(env: ExecutionEnvironment): void;
}

/**
 * One warm execution environment: a Node child process running our runtime interface client,
 * which talks to this environment's own Runtime API server. One invocation at a time.
 */
export class ExecutionEnvironment {
  readonly id = randomBytes(16).toString('hex');
  readonly logStream: string;
  readonly revision: string;
  state: EnvironmentState = 'starting';
  lastUsed = Date.now();
  /** Set when the environment must not be reused (code or configuration changed). */
  retired = false;

  private server?: Server;
  private child?: ChildProcess;
  private parkedNext?: ServerResponse;
  private spawnedAt = 0;
  private initialised = false;
  private pendingInitDuration?: number;
  private active?: Active;
  private exit?: { code: number | null; signal: NodeJS.Signals | null; error?: Error };
  private ended = false;
  private maxMemoryUsedMB = 0;
  /** /proc/<pid>/status of the runtime process, opened at the first memory reading. */
  private statusFd?: number;
  /** V8 reported running out of heap (the MemorySize limit) before the process died. */
  private outOfMemory = false;
  private readonly partial = { stdout: '', stderr: '', telemetry: '' };
  private markEnded!: () => void;
  /** Settles once the process is gone and its output drained. */
  readonly whenEnded = new Promise<void>((resolve) => {
    this.markEnded = resolve;
  });

  constructor(
    readonly spec: FunctionSpec,
    private readonly hooks: EnvironmentHooks,
  ) {
    this.revision = spec.revision;
    this.logStream = logStreamName(spec.version, this.id);
  }

  /** Starts the Runtime API server and the runtime process (init runs in the background). */
  async start(): Promise<void> {
    const taskRoot = this.spec.codeDirectory();
    const server = createServer({ keepAliveTimeout: 10 * 60 * 1000, requestTimeout: 0, noDelay: true }, (req, res) => this.route(req, res));
    server.on('clientError', (_err, socket) => socket.destroy());
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    server.on('error', () => {});
    if (this.ended) {
      server.close();
      throw new Error('the execution environment was stopped while starting');
    }
    const port = (server.address() as AddressInfo).port;
    const env = lambdaEnvironment(this.spec, {
      runtimeApi: `127.0.0.1:${port}`,
      taskRoot,
      runtimeDir: dirname(BOOTSTRAP),
      logStream: this.logStream,
    });
    const heapMB = Math.max(16, Math.floor(this.spec.memorySize * 0.9));
    this.spawnedAt = performance.now();
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMB}`, BOOTSTRAP], {
      cwd: taskRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    child.on('error', (error) => {
      this.onExit(null, null, error);
      setTimeout(() => this.end(), 100).unref();
    });
    child.on('exit', (code, signal) => {
      this.onExit(code, signal);
      // 'close' follows once the pipes are drained; do not wait forever for a grandchild holding them.
      setTimeout(() => this.end(), 100).unref();
    });
    child.on('close', () => this.end());
    child.stdout?.on('data', (chunk: Buffer) => this.onOutput('stdout', chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.onOutput('stderr', chunk));
    const telemetry = child.stdio[3] as NodeJS.ReadableStream | null;
    telemetry?.on('data', (chunk: Buffer) => this.onOutput('telemetry', chunk));
    for (const stream of [child.stdout, child.stderr, telemetry]) stream?.on('error', () => {});
  }

  /** Runs one invocation; never rejects: every failure becomes an Unhandled function error. */
  invoke(request: InvocationRequest): Promise<RawResult> {
    this.state = 'busy';
    return new Promise((resolve) => {
      const active: Active = {
        request,
        resolve,
        startedAt: Date.now(),
        lines: [],
        logBytes: 0,
        truncated: false,
        settling: false,
        done: false,
      };
      this.active = active;
      if (this.exit || this.ended) {
        this.finishWithExit(active);
        return;
      }
      if (this.parkedNext) this.deliver(active);
      else if (!this.initialised) {
        active.timer = setTimeout(() => this.timeOut(active, INIT_TIMEOUT_MS / 1000), INIT_TIMEOUT_MS);
      }
    });
  }

  kill(): void {
    this.retired = true;
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    else this.end();
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  // --- Runtime API -------------------------------------------------------------------------

  private route(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '').split('?')[0]!;
    if (req.method === 'GET' && path === `${RUNTIME_PREFIX}/invocation/next`) {
      this.onNext(res);
      return;
    }
    const m = /^\/2018-06-01\/runtime\/(?:invocation\/([^/]+)\/(response|error)|init\/(error))$/.exec(path);
    if (req.method !== 'POST' || !m) {
      req.resume();
      reply(res, 404, { errorMessage: `Unknown Runtime API route ${req.method} ${path}`, errorType: 'InvalidRoute' });
      return;
    }
    readLimited(req, MAX_RESPONSE_BYTES, (body, tooLarge) => {
      if (m[3]) return this.onInitError(res, body, req.headers['lambda-runtime-function-error-type']);
      const id = decodeURIComponent(m[1]!);
      const active = this.active;
      if (!active || active.done || active.request.requestId !== id || active.deliveredAt === undefined) {
        return reply(res, 400, { errorMessage: 'Invalid request ID', errorType: 'InvalidRequestID' });
      }
      if (tooLarge) {
        reply(res, 413, {
          errorMessage: `Exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
          errorType: 'RequestEntityTooLarge',
        });
        const error = {
          errorType: 'Function.ResponseSizeTooLarge',
          errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
        };
        return this.settle(active, { status: 'error', payload: Buffer.from(JSON.stringify(error)), errorType: error.errorType });
      }
      reply(res, 202, { status: 'OK' });
      if (m[2] === 'response') return this.settle(active, { status: 'success', payload: body });
      const errorType = headerValue(req.headers['lambda-runtime-function-error-type']) ?? errorTypeOf(body);
      this.settle(active, {
        status: 'error',
        payload: body.length ? body : Buffer.from(JSON.stringify({ errorType, errorMessage: '' })),
        errorType,
      });
    });
  }

  private onNext(res: ServerResponse): void {
    if (!this.initialised) {
      this.initialised = true;
      const initDurationMs = performance.now() - this.spawnedAt;
      if (this.active) this.active.initDurationMs = initDurationMs;
      else this.pendingInitDuration = initDurationMs;
    }
    this.parkedNext?.destroy();
    this.parkedNext = res;
    res.on('close', () => {
      if (this.parkedNext === res) this.parkedNext = undefined;
    });
    const active = this.active;
    if (active && !active.done && active.deliveredAt === undefined) this.deliver(active);
  }

  private deliver(active: Active): void {
    const res = this.parkedNext!;
    this.parkedNext = undefined;
    if (active.timer) clearTimeout(active.timer);
    if (active.initDurationMs === undefined && this.pendingInitDuration !== undefined) {
      active.initDurationMs = this.pendingInitDuration;
      this.pendingInitDuration = undefined;
    }
    const timeoutMs = this.spec.timeout * 1000;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'content-length': String(active.request.payload.length),
      'lambda-runtime-aws-request-id': active.request.requestId,
      'lambda-runtime-deadline-ms': String(Date.now() + timeoutMs),
      'lambda-runtime-invoked-function-arn': active.request.invokedFunctionArn,
      'lambda-runtime-trace-id': traceId(),
    };
    if (active.request.clientContext) headers['lambda-runtime-client-context'] = active.request.clientContext;
    active.deliveredAt = performance.now();
    if (!this.maxMemoryUsedMB) this.sampleMemory(); // what init used, should the first invocation crash
    active.timer = setTimeout(() => this.timeOut(active, this.spec.timeout), timeoutMs);
    res.writeHead(200, headers);
    res.end(active.request.payload);
  }

  private onInitError(res: ServerResponse, body: Buffer, errorTypeHeader: string | string[] | undefined): void {
    reply(res, 202, { status: 'OK' });
    this.initialised = true;
    this.retired = true;
    const active = this.active;
    if (active && !active.done) {
      const errorType = headerValue(errorTypeHeader) ?? errorTypeOf(body);
      active.deliveredAt ??= performance.now();
      this.settle(active, { status: 'crash', payload: body, errorType });
    }
  }

  // --- endings -----------------------------------------------------------------------------

  private timeOut(active: Active, seconds: number): void {
    if (active.done) return;
    const error = {
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${active.request.requestId} Error: Task timed out after ${seconds.toFixed(2)} seconds`,
    };
    active.deliveredAt ??= performance.now() - seconds * 1000;
    this.complete(active, { status: 'timeout', payload: Buffer.from(JSON.stringify(error)), errorType: error.errorType });
    this.kill();
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null, error?: Error): void {
    if (this.exit) return;
    this.exit = { code, signal, error };
    this.state = 'dead';
  }

  /** The process is gone and its output drained: finish a pending invocation, free the server. */
  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.state = 'dead';
    this.flushPartials();
    const active = this.active;
    if (active && !active.done && !active.settling) this.finishWithExit(active);
    this.parkedNext?.destroy();
    this.server?.close();
    this.server?.closeAllConnections();
    if (this.statusFd !== undefined) {
      try {
        closeSync(this.statusFd);
      } catch {
        // already closed
      }
      this.statusFd = undefined;
    }
    this.markEnded();
    this.hooks.ended(this);
  }

  private finishWithExit(active: Active): void {
    if (active.deliveredAt === undefined && this.initialised) {
      // As on AWS, a runtime that exits between invocations is replaced; the event was never given to it.
      this.complete(active, { status: 'lost', payload: Buffer.alloc(0) });
      return;
    }
    if (this.outOfMemory) this.maxMemoryUsedMB = this.spec.memorySize;
    const exit = this.exit;
    let reason = 'Runtime exited without providing a reason';
    if (exit?.error) reason = `Runtime exited with error: ${exit.error.message}`;
    else if (exit?.signal) reason = `Runtime exited with error: signal: ${signalName(exit.signal)}`;
    else if (exit?.code) reason = `Runtime exited with error: exit status ${exit.code}`;
    const error = { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${active.request.requestId} Error: ${reason}` };
    active.deliveredAt ??= performance.now();
    this.complete(active, { status: 'crash', payload: Buffer.from(JSON.stringify(error)), errorType: error.errorType });
  }

  /** A response or error arrived: finish once output written before it has been read. */
  private settle(active: Active, result: Pick<RawResult, 'status' | 'payload' | 'errorType'>): void {
    if (active.timer) clearTimeout(active.timer);
    active.settling = true;
    const durationMs = performance.now() - active.deliveredAt!;
    this.sampleMemory();
    setImmediate(() => this.complete(active, result, durationMs));
  }

  private complete(active: Active, result: Pick<RawResult, 'status' | 'payload' | 'errorType'>, durationMs?: number): void {
    if (active.done) return;
    active.done = true;
    if (active.timer) clearTimeout(active.timer);
    if (this.active === active) this.active = undefined;
    if (result.status === 'crash' || result.status === 'timeout') this.retired = true;
    // VmHWM is a high-water mark: one reading as the invocation ends covers all of it (settle has read it already).
    if (result.status !== 'timeout' && durationMs === undefined) this.sampleMemory();
    active.resolve({
      payload: result.payload,
      ...(result.status === 'success' || result.status === 'lost' ? {} : { functionError: 'Unhandled' as const }),
      status: result.status,
      ...(result.errorType ? { errorType: result.errorType } : {}),
      lines: active.lines,
      startedAt: active.startedAt,
      durationMs: durationMs ?? performance.now() - (active.deliveredAt ?? performance.now()),
      ...(active.initDurationMs !== undefined ? { initDurationMs: active.initDurationMs } : {}),
      maxMemoryUsedMB: this.maxMemoryUsedMB,
    });
  }

  /**
   * Peak resident memory of the runtime process, from /proc (0 where /proc is unavailable). The
   * status file stays open: reading it again from offset 0 gives fresh figures, one system call.
   */
  private sampleMemory(): void {
    const pid = this.child?.pid;
    if (!pid || this.ended) return;
    try {
      this.statusFd ??= openSync(`/proc/${pid}/status`, 'r');
      const length = readSync(this.statusFd, STATUS_BUFFER, 0, STATUS_BUFFER.length, 0);
      const m = /VmHWM:\s+(\d+) kB/.exec(STATUS_BUFFER.toString('latin1', 0, length));
      if (m) this.maxMemoryUsedMB = Math.max(this.maxMemoryUsedMB, Math.round(Number(m[1]) / 1024));
    } catch {
      // the process may just have exited
    }
  }

  // --- output ------------------------------------------------------------------------------

  private onOutput(channel: 'stdout' | 'stderr' | 'telemetry', chunk: Buffer): void {
    const text = this.partial[channel] + chunk.toString('utf8');
    const lines = text.split('\n');
    this.partial[channel] = lines.pop()!;
    const events: LogEventInput[] = [];
    for (const line of lines) {
      if (channel === 'stderr' && line.includes('JavaScript heap out of memory')) this.outOfMemory = true;
      const event = channel === 'telemetry' ? parseTelemetry(line) : line ? { timestamp: Date.now(), message: line } : undefined;
      if (event) events.push(event);
    }
    if (events.length) this.record(events);
  }

  private flushPartials(): void {
    for (const channel of ['stdout', 'stderr'] as const) {
      if (this.partial[channel]) this.record([{ timestamp: Date.now(), message: this.partial[channel] }]);
      this.partial[channel] = '';
    }
  }

  private record(events: LogEventInput[]): void {
    const active = this.active;
    if (!active || active.done) {
      this.hooks.strayLogs(this, events);
      return;
    }
    for (const event of events) {
      if (active.lines.length >= MAX_LOG_LINES || active.logBytes + event.message.length > MAX_LOG_BYTES) {
        if (!active.truncated) {
          active.truncated = true;
          active.lines.push({
            timestamp: event.timestamp,
            message: "The local cloud dropped the rest of this invocation's output (too much).",
          });
        }
        continue;
      }
      active.lines.push(event);
      active.logBytes += event.message.length;
    }
  }
}

function parseTelemetry(line: string): LogEventInput | undefined {
  if (!line) return undefined;
  try {
    const record = JSON.parse(line) as { t?: unknown; m?: unknown };
    if (typeof record.m === 'string') return { timestamp: typeof record.t === 'number' ? record.t : Date.now(), message: record.m };
  } catch {
    // not a telemetry record: keep the raw text
  }
  return { timestamp: Date.now(), message: line };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readLimited(req: IncomingMessage, limit: number, done: (body: Buffer, tooLarge: boolean) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    else chunks.push(chunk);
  });
  req.on('end', () => done(tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge));
  req.on('error', () => {});
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value || undefined;
}

function errorTypeOf(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errorType?: unknown };
    if (typeof parsed.errorType === 'string') return parsed.errorType;
  } catch {
    // fall through
  }
  return 'Unhandled';
}

/** Go's wording for a signal, as AWS prints it ("signal: killed"). */
function signalName(signal: NodeJS.Signals): string {
  const names: Partial<Record<NodeJS.Signals, string>> = {
    SIGKILL: 'killed',
    SIGABRT: 'aborted',
    SIGSEGV: 'segmentation fault',
    SIGTERM: 'terminated',
    SIGINT: 'interrupt',
    SIGBUS: 'bus error',
    SIGILL: 'illegal instruction',
    SIGFPE: 'floating point exception',
  };
  return names[signal] ?? `signal ${constants.signals[signal] ?? signal}`;
}

function traceId(): string {
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  const hex = randomHex(24);
  return `Root=1-${epoch}-${hex.slice(0, 24)};Parent=${hex.slice(24, 40)};Sampled=0;Lineage=1:${hex.slice(40, 48)}:0`;
}
