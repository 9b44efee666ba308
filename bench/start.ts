/**
 * start_ms: `npm start` (local cloud + whole stack + client upload) until it prints "Chat ready",
 * with its bundles and the client already built, as on every start but the first after a change;
 * rss_idle_mb: that process's resident memory once idle, 35 s later (V8 gives back the young
 * generation that provisioning grew about 30 s after the work stops; the figure 2 s after ready
 * is shown beside it). The command timed is the one `npm start` runs (npm's own ~150 ms not
 * included). A first start after a change, which rebuilds the bundles and the handlers' zips, is
 * timed too and shown beside it.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildClient } from '../provision/client-build.js';
import { fmt, freePort, ROOT, startChat, stop } from './support.js';

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

/** Runs npm start's command until "Chat ready"; returns the time and the RSS 2 s and 35 s later. */
async function startOnce(measureIdle: boolean): Promise<{ startMs: number; rssReadyMb: number; rssIdleMb: number }> {
  const outputsDir = mkdtempSync(join(tmpdir(), 'bench-outputs-'));
  let child: ChildProcess | undefined;
  try {
    const port = await freePort();
    const started = await startChat(['scripts/build.mjs', '--run', 'start'], {
      PORT: String(port),
      EMULATOR_PERSIST: '0',
      OUTPUTS_DIR: outputsDir,
    });
    child = started.child;
    if (!measureIdle) return { startMs: started.readyMs, rssReadyMb: Number.NaN, rssIdleMb: Number.NaN };
    await new Promise((r) => setTimeout(r, 2_000));
    const rssReadyMb = rssMb(child.pid!);
    await new Promise((r) => setTimeout(r, 33_000));
    return { startMs: started.readyMs, rssReadyMb, rssIdleMb: rssMb(child.pid!) };
  } finally {
    if (child) await stop(child);
    rmSync(outputsDir, { recursive: true, force: true });
  }
}

export async function runStartBench(): Promise<{ startMs: number; rssIdleMb: number }> {
  await buildClient();
  for (const built of ['dist/start.mjs', '.build/handlers']) rmSync(join(ROOT, built), { recursive: true, force: true });
  const afterChange = await startOnce(false);
  const result = await startOnce(true);
  console.log('\nnpm start (client built)');
  console.log(`  to "Chat ready"                      ${fmt(result.startMs, 0)} ms`);
  console.log(`  first after a change (bundles built) ${fmt(afterChange.startMs, 0)} ms`);
  console.log(`  RSS 2 s after ready                  ${fmt(result.rssReadyMb, 0)} MB`);
  console.log(`  RSS idle (35 s after ready)          ${fmt(result.rssIdleMb, 0)} MB`);
  return { startMs: result.startMs, rssIdleMb: result.rssIdleMb };
}

if (import.meta.url === `file://${process.argv[1]}`) await runStartBench();
