import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, version as esbuildVersion } from 'esbuild';
import { zipSync } from 'fflate';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HANDLERS_DIR = join(ROOT, 'handlers');
/** Zips of earlier builds, each with the list of files it was built from. */
const CACHE_DIR = join(ROOT, '.build/handlers');

/** What a cached zip was built from: every input file with its size and modification time. */
interface CacheRecord {
  esbuild: string;
  inputs: Record<string, [size: number, mtimeMs: number]>;
}

/** Bundles one handler (and the AWS SDK it uses) into a CommonJS file, zipped as `index.js` for handler `index.handler`. */
export async function bundleHandler(entry: string): Promise<Uint8Array> {
  return (await bundleHandlers([entry]))[entry]!;
}

/**
 * Bundles handlers (entry files under handlers/) in one esbuild run, which reads the modules they
 * share once. A handler none of whose input files changed since its last build is taken from
 * .build/handlers/ instead.
 */
export async function bundleHandlers(entries: string[]): Promise<Record<string, Uint8Array>> {
  const zips: Record<string, Uint8Array> = {};
  for (const entry of entries) {
    const cached = cachedZip(entry);
    if (cached) zips[entry] = cached;
  }
  const stale = entries.filter((entry) => !zips[entry]);
  if (!stale.length) return zips;
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: stale.map((entry) => join(HANDLERS_DIR, entry)),
    outdir: join(CACHE_DIR, 'out'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    sourcemap: false,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  for (const entry of stale) {
    const outPath = join(CACHE_DIR, 'out', `${basename(entry, '.ts')}.js`);
    const output = result.outputFiles.find((file) => file.path === outPath)!;
    // A fixed date keeps the zip, and so CodeSha256, identical for identical code.
    zips[entry] = zipSync({ 'index.js': [output.contents, { mtime: new Date('2020-01-01T00:00:00Z') }] });
    const inputs = Object.keys(result.metafile.outputs[relative(ROOT, output.path)]?.inputs ?? {});
    storeZip(
      entry,
      zips[entry],
      inputs.map((input) => resolve(ROOT, input)),
    );
  }
  return zips;
}

function cachedZip(entry: string): Uint8Array | undefined {
  try {
    const record = JSON.parse(readFileSync(join(CACHE_DIR, `${entry}.json`), 'utf8')) as CacheRecord;
    if (record.esbuild !== esbuildVersion || !Object.keys(record.inputs).length) return undefined;
    for (const [file, [size, mtimeMs]] of Object.entries(record.inputs)) {
      const stat = statSync(file);
      if (stat.size !== size || stat.mtimeMs !== mtimeMs) return undefined;
    }
    return readFileSync(join(CACHE_DIR, `${entry}.zip`));
  } catch {
    return undefined;
  }
}

/** Drops the old record, then writes the zip and its new record (each by rename): a record never names another zip. */
function storeZip(entry: string, zip: Uint8Array, inputs: string[]): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    rmSync(join(CACHE_DIR, `${entry}.json`), { force: true });
    const record: CacheRecord = {
      esbuild: esbuildVersion,
      inputs: Object.fromEntries(inputs.map((file) => [file, [statSync(file).size, statSync(file).mtimeMs]])),
    };
    for (const [name, data] of [
      [`${entry}.zip`, zip],
      [`${entry}.json`, JSON.stringify(record)],
    ] as const) {
      const temporary = join(CACHE_DIR, `${name}.${process.pid}.tmp`);
      writeFileSync(temporary, data);
      renameSync(temporary, join(CACHE_DIR, name));
    }
  } catch {
    // A cache that cannot be written only costs the next build its time.
  }
}
