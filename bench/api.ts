/**
 * api_p50_ms / api_p99_ms / api_rps: authenticated POST /conversations/{id} (a chat message) at 16
 * concurrent clients, through the Cognito authorizer, the body validator, the request template, the
 * Lambda (alias live) and DynamoDB, on the whole stack as `npm start` runs it (its own process; the
 * clients here stand for the browsers). No peer: no other local AWS implementation runs an API
 * Gateway data plane without Docker. BENCH_CPU_PROFILE=<dir> writes the chat process's CPU profile
 * there (open it in Chrome DevTools).
 */

import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { StackOutputs } from '../provision/outputs.js';
import { buildBundles, fmt, freePort, percentile, startChat, stop } from './support.js';

const PROFILE_DIR = process.env.BENCH_CPU_PROFILE;
const CLIENTS = 16;
const REQUESTS = 2000;
const PASSWORD = 'Bench-passw0rd!';

/** npm start's bundle on a free port, with state on disk as npm start keeps it by default; its outputs. */
async function startChatBundle(outputsDir: string): Promise<{ child: ChildProcess; outputs: StackOutputs }> {
  buildBundles();
  const port = await freePort();
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const { child } = await startChat([...profile, 'dist/start.mjs'], {
    PORT: String(port),
    EMULATOR_STATE_DIR: join(outputsDir, 'state'),
    OUTPUTS_DIR: outputsDir,
  });
  return { child, outputs: JSON.parse(readFileSync(join(outputsDir, 'local.json'), 'utf8')) as StackOutputs };
}

export async function runApiBench(): Promise<{ p50Ms: number; p99Ms: number; rps: number }> {
  const outputsDir = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const { child, outputs } = await startChatBundle(outputsDir);
  try {
    const cognito = new CognitoIdentityProviderClient({
      endpoint: outputs.endpoint!,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const tokens: string[] = [];
    for (const username of ['benchalice', 'benchbob']) {
      await cognito.send(
        new SignUpCommand({
          ClientId: outputs.userPoolClientId,
          Username: username,
          Password: PASSWORD,
          UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
        }),
      );
      await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: outputs.userPoolId, Username: username }));
      const auth = await cognito.send(
        new InitiateAuthCommand({
          ClientId: outputs.userPoolClientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: username, PASSWORD },
        }),
      );
      tokens.push(auth.AuthenticationResult!.IdToken!);
    }
    const headers = { Authorization: tokens[0]!, 'Content-Type': 'application/json' };
    const created = await fetch(`${outputs.apiUrl}/conversations`, { method: 'POST', headers, body: '["benchbob"]' });
    const id = (await created.json()) as string;
    const url = `${outputs.apiUrl}/conversations/${id}`;
    const post = async (n: number) => {
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(`message ${n}`) });
      await response.arrayBuffer();
      if (response.status !== 204) throw new Error(`POST answered ${response.status}`);
      return performance.now() - started;
    };
    for (let i = 0; i < 100; i++) await post(i); // warm the environments and connections
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < REQUESTS) {
          const n = next++;
          latencies.push(await post(n));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const result = { p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), rps: REQUESTS / seconds };
    console.log(`\nAPI: authenticated POST message, ${CLIENTS} concurrent clients, ${REQUESTS} requests`);
    console.log(`  p50 ${fmt(result.p50Ms, 2)} ms   p99 ${fmt(result.p99Ms, 2)} ms   ${fmt(result.rps, 0)} req/s`);
    console.log('  peer: none here (moto has no API Gateway data plane; LocalStack needs Docker)');
    return result;
  } finally {
    await stop(child);
    rmSync(outputsDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runApiBench();
