import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every document and blob the store holds under `<stateDir>/data`, as path → content hash, leaving
 * out the given top-level services (whose writes are expected, e.g. platform metrics or logs).
 */
export function storeSnapshot(stateDir: string, ignore: string[] = []): Record<string, string> {
  const data = join(stateDir, 'data');
  const snapshot: Record<string, string> = {};
  for (const entry of readdirSync(data, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.includes('.tmp-')) continue;
    const full = join(entry.parentPath, entry.name);
    const path = relative(data, full);
    if (ignore.includes(path.split('/')[0]!)) continue;
    snapshot[path] = createHash('sha1').update(readFileSync(full)).digest('hex');
  }
  return snapshot;
}
