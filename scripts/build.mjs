/**
 * Builds the local cloud (dist/emulator.mjs) and `npm start` (dist/start.mjs) into ES module
 * bundles that Node starts without compiling TypeScript or resolving hundreds of package files.
 * Packages are bundled in too, but for esbuild and Vite (native binaries, loaded only to build);
 * what is imported on first use only (the CloudFront SDK, the YAML writer) goes to chunks under
 * dist/<name>-chunks/ and is read when first needed. The files the local cloud reads at run time
 * are copied beside the bundles, at the places emulator/assets.ts names; every module that names
 * files relative to itself sits one folder below the root, as the bundles do, so those paths
 * hold in both.
 *
 *   node scripts/build.mjs               builds both
 *   node scripts/build.mjs --run NAME    builds NAME when a source changed since, then runs it
 *
 * Plain JavaScript on purpose: it runs before anything is compiled.
 */
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const ENTRIES = { emulator: 'emulator/main.ts', start: 'scripts/start.ts' };
/** Packages left in node_modules: native binaries, loaded only to build. */
const EXTERNAL = ['esbuild', 'vite'];
/** Folders under emulator/ that the local cloud reads at run time (emulator/assets.ts). */
const ASSET_DIRS = ['services/lambda/runtime', 'console/page'];

/** Files under a folder, relative to the root. */
const filesIn = (dir) =>
  readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));

const bundleOf = (name) => join(DIST, `${name}.mjs`);
const inputsOf = (name) => join(DIST, `${name}.inputs.json`);

/** True when the bundle is missing or any file it was built from changed after it. */
export function isStale(name) {
  try {
    const built = statSync(bundleOf(name)).mtimeMs;
    const inputs = JSON.parse(readFileSync(inputsOf(name), 'utf8'));
    return inputs.some((file) => statSync(join(ROOT, file)).mtimeMs > built);
  } catch {
    return true;
  }
}

export async function build(names = Object.keys(ENTRIES)) {
  const esbuild = await import('esbuild');
  for (const name of names) {
    rmSync(join(DIST, `${name}-chunks`), { recursive: true, force: true });
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: { [name]: ENTRIES[name] },
      outdir: DIST,
      outExtension: { '.js': '.mjs' },
      chunkNames: `${name}-chunks/[name]-[hash]`,
      bundle: true,
      splitting: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      external: EXTERNAL,
      // CommonJS packages bundled into an ES module call require() for Node's own modules.
      banner: {
        js: "import { createRequire as createRequireOfBundle } from 'node:module'; const require = createRequireOfBundle(import.meta.url);",
      },
      sourcemap: 'linked',
      metafile: true,
      logLevel: 'warning',
    });
    const assets = ASSET_DIRS.flatMap((dir) => filesIn(join('emulator', dir)));
    const inputs = [...Object.keys(result.metafile.inputs), ...assets, 'package-lock.json', 'scripts/build.mjs'];
    writeFileSync(inputsOf(name), JSON.stringify(inputs));
  }
  for (const dir of ASSET_DIRS) {
    rmSync(join(DIST, dir), { recursive: true, force: true });
    cpSync(join(ROOT, 'emulator', dir), join(DIST, dir), { recursive: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const run = process.argv.indexOf('--run');
  const name = run >= 0 ? process.argv[run + 1] : undefined;
  if (run >= 0 && !(name in ENTRIES)) {
    console.error(`usage: node scripts/build.mjs [--run ${Object.keys(ENTRIES).join('|')}]`);
    process.exit(2);
  }
  if (!name || isStale(name)) {
    const started = Date.now();
    await build(name ? [name] : undefined);
    console.log(`Built ${name ? bundleOf(name) : DIST} in ${Date.now() - started} ms`);
  }
  if (name) await import(pathToFileURL(bundleOf(name)).href);
}
