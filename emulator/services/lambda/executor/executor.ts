import type { LogEventInput } from '../../logs/log-writer.js';

/** Everything an executor needs to run one version of a function. */
export interface FunctionSpec {
  /** Identifies the function version; warm environments are shared by invocations with the same key. */
  key: string;
  /** Changes whenever code or configuration changes: environments of another revision are never reused. */
  revision: string;
  /**
   * Environments this version must be able to run at once (the function's reserved concurrency,
   * which the caller enforces), when above the executor's own cap beyond which invocations queue.
   */
  maxEnvironments?: number;
  account: string;
  region: string;
  functionName: string;
  version: string;
  runtime: string;
  handler: string;
  memorySize: number;
  /** Seconds. */
  timeout: number;
  /** The function's own Environment.Variables. */
  variables: Record<string, string>;
  logGroup: string;
  /** Where the SDK inside the function sends its calls (AWS_ENDPOINT_URL), unless the function sets its own. */
  endpointUrl: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  /** The unpacked deployment package (unpacked on first use). */
  codeDirectory(): string;
}

export interface InvocationRequest {
  requestId: string;
  payload: Buffer;
  /** The ARN the caller used (qualified when it named a qualifier). */
  invokedFunctionArn: string;
  clientContext?: string;
}

export interface InvocationOutcome {
  requestId: string;
  payload: Buffer;
  /** "Unhandled" when the handler failed, timed out or the runtime crashed. */
  functionError?: 'Unhandled';
  /** All log lines of the invocation, START to REPORT, as written to CloudWatch Logs. */
  logLines: string[];
  logStream: string;
  durationMs: number;
  initDurationMs?: number;
}

export interface LogTarget {
  account: string;
  region: string;
  group: string;
  stream: string;
}

export type LogSink = (target: LogTarget, events: LogEventInput[]) => void;

/** Runs function code. The default runs each warm environment as a local Node child process. */
export interface Executor {
  invoke(spec: FunctionSpec, request: InvocationRequest): Promise<InvocationOutcome>;
  /** Stops the environments of every function version whose key starts with `keyPrefix` (busy ones once they finish). */
  retire(keyPrefix: string): void;
  stats(): Record<string, unknown>;
  /** Stops every environment. */
  close(): Promise<void>;
}
