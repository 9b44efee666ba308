import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** The local cloud as `npm run emulator` runs it, in its own process (and process group) so it can be killed. */
export interface CloudProcess {
  url: string;
  pid: number;
  /** What it printed, for failure messages. */
  output(): string;
  /** SIGKILL to the local cloud alone, as a crash or the OOM killer would; resolves once it is gone. */
  kill9(): Promise<void>;
  /** Ends the whole process group (the local cloud and any function it left behind). */
  destroy(): Promise<void>;
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

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `emulator/main.ts` with PORT and EMULATOR_STATE_DIR (and its temporary files under
 * `tmpDir`, which a killed process cannot clean up); resolves once it listens.
 */
export async function startCloudProcess(options: { port: number; stateDir: string; tmpDir?: string }): Promise<CloudProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: String(options.port),
      EMULATOR_STATE_DIR: options.stateDir,
      EMULATOR_PERSIST: '1',
      ...(options.tmpDir ? { TMPDIR: options.tmpDir } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const gone = exited(child);
  const pid = child.pid!;
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Local cloud listening on')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`the local cloud exited (${code ?? signal}) before listening:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${options.port}`,
    pid,
    output: () => output,
    async kill9() {
      child.kill('SIGKILL');
      await gone;
    },
    async destroy() {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // the group is already gone
      }
      await gone;
    },
  };
}
