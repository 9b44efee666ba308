import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLIENT_DIR = fileURLToPath(new URL('../client/', import.meta.url));
export const CLIENT_DIST = join(CLIENT_DIR, 'dist');
const STAMP = join(CLIENT_DIST, '.source-hash');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'dist' || entry.name === 'node_modules') return [];
    const full = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : [full];
  });
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of sourceFiles(CLIENT_DIR).sort()) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

/** Builds the client with Vite unless client/dist already holds a build of the current sources. */
export async function buildClient(): Promise<'built' | 'up to date'> {
  const hash = sourceHash();
  if (existsSync(STAMP) && statSync(STAMP).isFile() && readFileSync(STAMP, 'utf8') === hash) return 'up to date';
  const { build } = await import('vite');
  await build({ root: CLIENT_DIR, configFile: join(CLIENT_DIR, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(STAMP, hash);
  return 'built';
}
