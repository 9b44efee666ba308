import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls a URL until it answers (any status), or fails after the timeout. */
export async function waitForUrl(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the process serving ${url} exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

export function spawnQuiet(command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

let bundlesBuilt = false;

/** Builds the bundles npm start and npm run emulator run (`node scripts/build.mjs`), once per process. */
export function buildBundles(): void {
  if (bundlesBuilt) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
  bundlesBuilt = true;
}

/**
 * Starts the chat with `node <args>` (npm start's command, or its bundle) and waits for "Chat
 * ready"; returns the process, still running, and how long that took. Its output is read until
 * then (and shown if it exits first), and drained afterwards so a full pipe never blocks it.
 */
export async function startChat(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; readyMs: number }> {
  const started = performance.now();
  const child = spawnQuiet(process.execPath, args, env);
  let output = '';
  let ready = false;
  try {
    const readyMs = await new Promise<number>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        if (ready) return;
        output += chunk.toString();
        if (output.includes('Chat ready')) {
          ready = true;
          resolve(performance.now() - started);
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    return { child, readyMs };
  } catch (err) {
    await stop(child);
    throw err;
  }
}

export function hasCommand(command: string): boolean {
  const paths = (process.env.PATH ?? '').split(':');
  return paths.some((dir) => existsSync(join(dir, command)));
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'nan');
