/**
 * boot_ms: from spawning the local cloud to its first healthy answer, median of 5, beside moto_server
 * started and polled the same way (the peer: another local AWS implementation).
 */
import { buildBundles, fmt, freePort, hasCommand, median, spawnQuiet, stop, waitForUrl } from './support.js';

const RUNS = 5;

async function bootOnce(command: string, args: string[], env: NodeJS.ProcessEnv, healthPath: string, port: number): Promise<number> {
  const started = performance.now();
  const child = spawnQuiet(command, args, env);
  try {
    await waitForUrl(`http://127.0.0.1:${port}${healthPath}`, child);
    return performance.now() - started;
  } finally {
    await stop(child);
  }
}

export async function runBootBench(): Promise<{ bootMs: number; motoBootMs: number }> {
  // The local cloud as `npm run emulator` runs it: built once (not timed), then started by Node alone.
  buildBundles();
  const ours: number[] = [];
  const moto: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const port = await freePort();
    ours.push(
      await bootOnce(process.execPath, ['dist/emulator.mjs'], { PORT: String(port), EMULATOR_PERSIST: '0' }, '/_emulator/health', port),
    );
    if (hasCommand('moto_server')) {
      const motoPort = await freePort();
      moto.push(await bootOnce('moto_server', ['-p', String(motoPort)], {}, '/moto-api/', motoPort));
    }
  }
  const result = { bootMs: median(ours), motoBootMs: median(moto) };
  console.log('\nBoot to healthy (median of 5, process spawn included)');
  console.log(`  local cloud  ${fmt(result.bootMs, 0)} ms`);
  console.log(`  moto_server  ${fmt(result.motoBootMs, 0)} ms${moto.length ? '' : ' (absent)'}`);
  console.log(`  ratio        ${fmt(result.motoBootMs / result.bootMs, 2)}× faster`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) await runBootBench();
