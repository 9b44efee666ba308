/**
 * Builds the local cloud into dist/emulator/: one ES module bundle (packages stay in node_modules)
 * plus the files it reads at run time, at the same relative places as in the sources. Node then
 * starts it without compiling TypeScript: `node dist/emulator/main.mjs`.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ASSET_DIRS } from '../emulator/assets.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const EMULATOR_BUILD = join(ROOT, 'dist/emulator/main.mjs');

export async function buildEmulator(): Promise<string> {
  const out = join(ROOT, 'dist/emulator');
  rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: [join(ROOT, 'emulator/main.ts')],
    outfile: EMULATOR_BUILD,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  for (const dir of ASSET_DIRS) cpSync(join(ROOT, 'emulator', dir), join(out, dir), { recursive: true });
  return EMULATOR_BUILD;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const file = await buildEmulator();
  console.log(`Built the local cloud into ${file} in ${Date.now() - started} ms`);
}
