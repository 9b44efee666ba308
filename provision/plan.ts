/**
 * The dry run: the real provisioner runs against an in-process, in-memory local cloud, and a
 * middleware on every SDK client records each call (command and input) under the step that made
 * it. Nothing reaches AWS, and every step, present or future, appears without being listed here.
 * What the plan shows is what a fresh account would receive: an account that already holds part
 * of the stack gets updates instead of some of these creations.
 */
import { createHash } from 'node:crypto';
import { startLocalCloud } from '../emulator/index.js';
import { stepLabel } from './progress.js';
import { provision } from './provision.js';
import type { AnyClient, Target } from './target.js';

export interface PlannedCall {
  step: string;
  /** The SDK client, e.g. DynamoDBClient. */
  client: string;
  command: string;
  input: unknown;
  /** host:port the request was addressed to (always the in-process cloud). */
  host: string;
  /** The error the call met, e.g. NotFoundException for a probe before a creation. */
  error?: string;
  /** The HTTP method of the request (API Gateway's IAM actions are named after it). */
  httpMethod?: string;
}

export interface Plan {
  target: Target;
  /** What a fresh account receives. */
  calls: PlannedCall[];
  /** What a second run sends to the stack the first one made (the update path). */
  rerunCalls: PlannedCall[];
  /** The address of the in-process cloud that answered every call. */
  cloudHost: string;
  /** The account id the in-process cloud used in ARNs, shown as <account> in the rendered plan. */
  placeholderAccount: string;
}

const PLACEHOLDER_ACCOUNT = '000000000000';
const READ = /^(Get|List|Describe|Head)/;

export function isRead(command: string): boolean {
  return READ.test(command);
}

/** Binary payloads (zips, files) are shown by size and sha256, not byte by byte. */
function describeBytes(bytes: Uint8Array): string {
  const sha = createHash('sha256').update(bytes).digest('base64');
  return `<${bytes.byteLength} bytes, sha256 ${sha}>`;
}

export function printable(value: unknown): unknown {
  if (value instanceof Uint8Array) return describeBytes(value);
  if (Array.isArray(value)) return value.map(printable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, printable(v)]),
    );
  }
  return value;
}

interface BuildArgs {
  input: object;
  request: unknown;
}
type Handler = (args: BuildArgs) => Promise<unknown>;
/** The part of a client's middleware stack the recorder uses, common to every SDK client. */
interface Stackable {
  middlewareStack: {
    add(
      middleware: (next: Handler, context: { clientName?: string; commandName?: string }) => Handler,
      options: { step: 'build'; name: string; priority: 'low' },
    ): void;
  };
}

/** Records each call once (the build step runs once per send, before retries) and refuses any address but the cloud's. */
function recorder(calls: PlannedCall[], cloudHost: string): (client: AnyClient) => void {
  return (client) => {
    (client as unknown as Stackable).middlewareStack.add(
      (next, context) => async (args) => {
        const request = args.request as { hostname?: string; port?: number; method?: string };
        const host = `${request.hostname}:${request.port ?? ''}`;
        const call: PlannedCall = {
          step: stepLabel() ?? '(outside any step)',
          client: context.clientName ?? client.constructor.name,
          command: context.commandName ?? 'unknown',
          input: printable(args.input),
          host,
          httpMethod: request.method,
        };
        calls.push(call);
        if (host !== cloudHost) throw new Error(`Dry run: refused a request to ${host}; only the in-process cloud may be called.`);
        try {
          return await next(args);
        } catch (err) {
          call.error = (err as Error).name;
          throw err;
        }
      },
      { step: 'build', name: 'dryRunRecorder', priority: 'low' },
    );
  };
}

/** Runs the provisioner against an in-process, in-memory cloud and returns every call it made. */
export async function planFor(target: Target, log: (line: string) => void = () => {}): Promise<Plan> {
  const cloud = await startLocalCloud({ port: 0, host: '127.0.0.1', region: target.region, accountId: PLACEHOLDER_ACCOUNT });
  const cloudHost = `127.0.0.1:${cloud.port}`;
  const calls: PlannedCall[] = [];
  const rerunCalls: PlannedCall[] = [];
  const run = (into: PlannedCall[]) =>
    provision(
      {
        // Not 'local': nothing local-only (the codes outbox) enters the plan.
        name: 'localstack',
        region: target.region,
        endpoint: `http://${cloudHost}`,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        instrument: recorder(into, cloudHost),
      },
      log,
    );
  try {
    await run(calls);
    await run(rerunCalls);
  } finally {
    await cloud.close();
  }
  return { target, calls, rerunCalls, cloudHost, placeholderAccount: PLACEHOLDER_ACCOUNT };
}

/** IAM service prefixes by SDK client; STS GetCallerIdentity needs no permission. */
const IAM_PREFIX: Record<string, string | null> = {
  APIGatewayClient: 'apigateway',
  CloudFrontClient: 'cloudfront',
  CloudWatchClient: 'cloudwatch',
  CloudWatchLogsClient: 'logs',
  CognitoIdentityProviderClient: 'cognito-idp',
  DynamoDBClient: 'dynamodb',
  IAMClient: 'iam',
  LambdaClient: 'lambda',
  S3Client: 's3',
  STSClient: null,
};

/** S3 operations whose IAM action has another name. */
const S3_ACTIONS: Record<string, string> = {
  ListObjectsV2: 'ListBucket',
  ListObjects: 'ListBucket',
  HeadBucket: 'ListBucket',
  HeadObject: 'GetObject',
  DeleteObjects: 'DeleteObject',
  PutPublicAccessBlock: 'PutBucketPublicAccessBlock',
  GetPublicAccessBlock: 'GetBucketPublicAccessBlock',
  DeleteBucketCors: 'PutBucketCORS',
  PutBucketCors: 'PutBucketCORS',
  GetBucketCors: 'GetBucketCORS',
};

/** The IAM actions the recorded calls need (API Gateway's are its HTTP methods), by service prefix. */
export function permissionsFor(calls: PlannedCall[]): Map<string, string[]> {
  const byPrefix = new Map<string, Set<string>>();
  const add = (prefix: string, action: string) => byPrefix.set(prefix, (byPrefix.get(prefix) ?? new Set()).add(action));
  for (const call of calls) {
    const prefix = call.client in IAM_PREFIX ? IAM_PREFIX[call.client] : call.client.replace(/Client$/, '').toLowerCase();
    if (!prefix) continue;
    const operation = call.command.replace(/Command$/, '');
    if (prefix === 'apigateway') add(prefix, call.httpMethod ?? operation);
    else if (prefix === 's3') add(prefix, S3_ACTIONS[operation] ?? operation);
    else add(prefix, operation);
    if (prefix === 'lambda' && /^(CreateFunction|UpdateFunctionConfiguration)$/.test(operation)) add('iam', 'PassRole');
  }
  return new Map([...byPrefix].sort(([a], [b]) => a.localeCompare(b)).map(([prefix, actions]) => [prefix, [...actions].sort()]));
}

function oneLine(input: unknown, max: number): string {
  const text = JSON.stringify(input);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The plan grouped by step: each creating or updating call with its input, reads counted. */
export function renderPlan(plan: Plan, options: { verbose?: boolean } = {}): string {
  const { target } = plan;
  const where = target.name === 'aws' ? `AWS${target.profile ? ` (profile ${target.profile})` : ''}` : `${target.name}`;
  const lines = [
    `Plan for a fresh account: provisioning the chat stack into ${where}, region ${target.region}.`,
    'Dry run: nothing was sent anywhere. An account that already holds part of the stack gets updates',
    'instead of some creations. <account> stands for your account id, <endpoint> for a service URL; other ids are placeholders.',
    '',
  ];
  const steps = [...new Set(plan.calls.map((c) => c.step))];
  let writes = 0;
  for (const label of steps) {
    const calls = plan.calls.filter((c) => c.step === label);
    lines.push(`● ${label}`);
    const reads = new Map<string, number>();
    for (const call of calls) {
      if (isRead(call.command) || call.error) {
        const key = call.error ? `${call.command} (${call.error})` : call.command;
        reads.set(key, (reads.get(key) ?? 0) + 1);
        continue;
      }
      writes++;
      const service = call.client.replace(/Client$/, '');
      const input = options.verbose ? JSON.stringify(call.input, null, 2).replace(/\n/g, '\n      ') : oneLine(call.input, 180);
      lines.push(`    ${service} ${call.command.replace(/Command$/, '')} ${input}`);
    }
    if (reads.size) {
      const summary = [...reads].map(([command, n]) => `${command.replace(/Command$/, '')}${n > 1 ? ` ×${n}` : ''}`).join(', ');
      lines.push(`    (reads and probes: ${summary})`);
    }
  }
  lines.push('', `${writes} creating or updating calls in ${steps.length} steps.`, '');
  lines.push(
    'Permissions provisioning needs, first run and re-runs (a least-privilege deployer policy; teardown also needs Delete* and List*):',
  );
  for (const [prefix, actions] of permissionsFor([...plan.calls, ...plan.rerunCalls])) {
    lines.push(`    ${actions.map((a) => `${prefix}:${a}`).join(', ')}`);
  }
  if (!options.verbose) lines.push('--verbose shows every input in full.');
  return lines.join('\n').replaceAll(plan.placeholderAccount, '<account>').replaceAll(`http://${plan.cloudHost}`, '<endpoint>');
}
