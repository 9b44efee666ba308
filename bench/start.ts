/**
 * start_ms: `npm start` (local cloud + whole stack + client upload, client already built) until it
 * prints "Chat ready"; rss_idle_mb: that process's resident memory two seconds later, idle.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildClient } from '../provision/client-build.js';
import { fmt, freePort, spawnQuiet, stop } from './support.js';

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

export async function runStartBench(): Promise<{ startMs: number; rssIdleMb: number }> {
  await buildClient();
  const outputsDir = mkdtempSync(join(tmpdir(), 'bench-outputs-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawnQuiet(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    PORT: String(port),
    EMULATOR_PERSIST: '0',
    OUTPUTS_DIR: outputsDir,
  });
  try {
    const startMs = await new Promise<number>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Chat ready')) resolve(performance.now() - started);
      });
      child.stderr!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    await new Promise((r) => setTimeout(r, 2000));
    const rssIdleMb = rssMb(child.pid!);
    console.log('\nnpm start (client already built)');
    console.log(`  to "Chat ready"   ${fmt(startMs, 0)} ms`);
    console.log(`  idle RSS          ${fmt(rssIdleMb, 0)} MB`);
    return { startMs, rssIdleMb };
  } finally {
    await stop(child);
    rmSync(outputsDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runStartBench();
