/**
 * Any AWS-compatible endpoint: the whole stack provisioned into moto (an independent AWS
 * implementation, in Python) with `--target localstack --endpoint URL`, then provisioned again
 * (the update path) and torn down by tag. Skipped where moto_server is not installed.
 *
 * What moto (5.x, server mode) lacks, recorded here and in the README:
 * - AWS managed policies unless MOTO_IAM_LOAD_MANAGED_POLICIES=true (AttachRolePolicy of
 *   AWSLambdaBasicExecutionRole answers NoSuchEntity without it); the test sets it.
 * - No API Gateway data plane and no Lambda invocation without Docker: the stack is created and
 *   accepted, but the chat cannot run on moto.
 * - CreateAlias of an alias that exists: moto answers ConflictException where AWS answers
 *   ResourceConflictException (which the provisioner handles by updating the alias), so the
 *   second run stops at the functions step.
 * - UpdateAuthorizer with a patch of /providerARNs/...: moto raises "not implemented" (an HTML
 *   500 page the SDK cannot parse); AWS accepts the patch.
 * - Cognito authorizers, IAM policies and bucket policies are stored, not enforced.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provision } from '../../provision/provision.js';
import type { AnyClient, Target } from '../../provision/target.js';
import { teardown } from '../../provision/teardown.js';

function motoPath(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v moto_server'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, process: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (process.exitCode !== null) throw new Error(`moto_server exited with code ${process.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error('moto_server did not answer within a minute');
}

interface Refusal {
  command: string;
  error: string;
  message: string;
}

/** Records every call the endpoint refused (the provisioner may have handled it). */
function refusalRecorder(refusals: Refusal[]): (client: AnyClient) => void {
  return (client) => {
    (client.middlewareStack as unknown as { add: (m: unknown, o: unknown) => void }).add(
      (next: (a: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
        try {
          return await next(args);
        } catch (err) {
          refusals.push({ command: context.commandName ?? '?', error: (err as Error).name, message: (err as Error).message });
          throw err;
        }
      },
      { step: 'initialize', name: 'refusalRecorder' },
    );
  };
}

/** Refusals the provisioner expects and handles: probes for what is not there yet, or already there. */
const EXPECTED = new Set([
  'ResourceNotFoundException',
  'NotFoundException',
  'NoSuchEntityException',
  'ResourceConflictException',
  'ResourceInUseException',
  'EntityAlreadyExistsException',
  'BucketAlreadyOwnedByYou',
]);

/** Where moto answers differently from AWS (see the list above). */
const MOTO_GAPS: Array<Pick<Refusal, 'command' | 'error'>> = [
  { command: 'CreateAliasCommand', error: 'ConflictException' },
  { command: 'UpdateAuthorizerCommand', error: 'SyntaxError' },
];
const isGap = (r: Refusal) => MOTO_GAPS.some((g) => g.command === r.command && g.error === r.error);

const moto = motoPath();

describe.skipIf(!moto)('provisioning into moto_server, any AWS-compatible endpoint (skipped where moto_server is absent)', () => {
  let server: ChildProcess;
  let endpoint: string;
  beforeAll(async () => {
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    server = spawn(moto!, ['-H', '127.0.0.1', '-p', String(port)], {
      env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
      stdio: 'ignore',
    });
    await waitUntilUp(`${endpoint}/moto-api/`, server);
  }, 120_000);
  afterAll(() => {
    server?.kill();
  });

  it('accepts the whole stack, twice, then gives it all back to the tag-based teardown', { timeout: 120_000 }, async () => {
    const refusals: Refusal[] = [];
    const target: Target = { name: 'localstack', region: 'us-east-1', endpoint, instrument: refusalRecorder(refusals) };
    const lines: string[] = [];
    const outputs = await provision(target, (line) => lines.push(line));
    expect(outputs.apiId).toBeTruthy();
    expect(outputs.userPoolClientId).toBeTruthy();
    expect(lines.filter((l) => l.includes('✗'))).toEqual([]);

    expect(refusals.filter((r) => !EXPECTED.has(r.error))).toEqual([]);

    // Second run: the update path of every step, as far as moto goes.
    const second = await provision(target, () => {}).then(
      (again) => again,
      (err: Error) => err,
    );
    const unexpected = refusals.filter((r) => !EXPECTED.has(r.error) && !isGap(r));
    expect(unexpected, `moto refused: ${JSON.stringify(unexpected, null, 2)}`).toEqual([]);
    if (second instanceof Error) {
      // The run stopped at one of moto's known gaps, not at something of ours.
      const stoppedAt = refusals.filter((r) => r.error === second.name);
      expect(stoppedAt.length, `second run failed: ${second.stack}`).toBeGreaterThan(0);
      expect(stoppedAt.every(isGap), `second run failed: ${second.stack}`).toBe(true);
    } else {
      expect(second.apiId).toBe(outputs.apiId);
      expect(second.userPoolId).toBe(outputs.userPoolId);
    }

    const failures = await teardown({ name: 'localstack', region: 'us-east-1', endpoint }, { log: () => {}, useOutputsFile: false });
    expect(failures).toEqual([]);
    const config = { region: 'us-east-1', endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    expect((await new DynamoDBClient(config).send(new ListTablesCommand({}))).TableNames).toEqual([]);
    expect((await new LambdaClient(config).send(new ListFunctionsCommand({}))).Functions).toEqual([]);
    expect((await new IAMClient(config).send(new ListRolesCommand({}))).Roles).toEqual([]);
  });
});
