import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { type Unzipped, unzipSync } from 'fflate';

/**
 * Deployment packages unpacked once per code digest, each into its own directory. A directory
 * appears only complete (written aside, then renamed), so an interrupted unpack is never used.
 */
export class CodeCache {
  private dir?: string;
  private readonly ready = new Set<string>();

  /** `persistentDir` is kept across restarts; without it a temporary directory is made on first use and removed on close. */
  constructor(private readonly persistentDir: string | undefined) {
    if (persistentDir) {
      mkdirSync(persistentDir, { recursive: true });
      for (const entry of readdirSync(persistentDir)) {
        if (entry.includes('.tmp-')) rmSync(join(persistentDir, entry), { recursive: true, force: true });
      }
    }
  }

  private get root(): string {
    this.dir ??= this.persistentDir ?? mkdtempSync(join(tmpdir(), 'local-cloud-lambda-code-'));
    return this.dir;
  }

  /** The directory holding the package with this digest, unpacking `load()` when it is not there yet. */
  directory(sha256Hex: string, load: () => Buffer | undefined): string {
    const dir = join(this.root, sha256Hex);
    if (this.ready.has(sha256Hex) && existsSync(dir)) return dir;
    if (!existsSync(dir)) {
      const zip = load();
      if (!zip) throw new Error(`the code package ${sha256Hex} is missing from the store`);
      this.write(sha256Hex, unzipSync(new Uint8Array(zip.buffer, zip.byteOffset, zip.length)));
    }
    this.ready.add(sha256Hex);
    return dir;
  }

  /** Unpacks already-unzipped files (CreateFunction and UpdateFunctionCode have them at hand). */
  prepare(sha256Hex: string, files: Unzipped): void {
    const dir = join(this.root, sha256Hex);
    if (!existsSync(dir)) this.write(sha256Hex, files);
    this.ready.add(sha256Hex);
  }

  private write(sha256Hex: string, files: Unzipped): void {
    const dir = join(this.root, sha256Hex);
    const temp = `${dir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    mkdirSync(temp, { recursive: true });
    try {
      for (const [name, data] of Object.entries(files)) {
        if (name.endsWith('/')) {
          mkdirSync(join(temp, safePath(name)), { recursive: true });
          continue;
        }
        const target = join(temp, safePath(name));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, data);
      }
      mkdirSync(this.root, { recursive: true });
      if (existsSync(dir)) rmSync(temp, { recursive: true, force: true });
      else renameSync(temp, dir);
    } catch (err) {
      rmSync(temp, { recursive: true, force: true });
      throw err;
    }
  }

  /** Forgets what was unpacked (the store, and with it this directory, was emptied). */
  forget(): void {
    this.ready.clear();
  }

  close(): void {
    if (this.dir && !this.persistentDir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}

/** Entry names stay inside the package directory ("../x" and absolute names are refused). */
function safePath(name: string): string {
  const path = normalize(name.replace(/\\/g, '/'));
  if (isAbsolute(path) || path === '..' || path.startsWith(`..${sep}`)) throw new Error(`unsafe path in zip: ${name}`);
  return path;
}
