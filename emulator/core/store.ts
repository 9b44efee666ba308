import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where every service keeps its state. Keys are '/'-separated paths such as
 * `cognito/000000000000/us-east-1/pools/us-east-1_AbC`. JSON documents are cached in memory;
 * blobs (object bodies, code zips) are read from disk on demand.
 *
 * A write returns only once it is on disk through an atomic rename, so a `kill -9` after an
 * acknowledged write loses nothing and never leaves a half-written file.
 */
export interface Store {
  /** A fresh copy of the document, the caller's to change. */
  get<T>(key: string): T | undefined;
  /**
   * The document as one shared, deeply frozen object, parsed once per version of the document:
   * for reads on hot paths (a request's API deployment, a function's configuration). Never
   * modify it (it throws); use `get` for a copy to change.
   */
  peek<T>(key: string): Readonly<T> | undefined;
  put(key: string, value: unknown): void;
  delete(key: string): void;
  /** Keys directly or indirectly under `prefix/`, sorted. */
  keys(prefix: string): string[];
  getBlob(key: string): Buffer | undefined;
  putBlob(key: string, data: Buffer): void;
  deleteBlob(key: string): void;
  /** Removes everything under `prefix/` (documents and blobs). */
  deleteAll(prefix: string): void;
  /** A directory a service may own for data kept by a library (LevelDB, unpacked code); undefined in memory mode. */
  directory(name: string): string | undefined;
  clear(): void;
}

const JSON_EXT = '.json';
const BLOB_EXT = '.blob';

function encodeSegment(segment: string): string {
  const encoded = encodeURIComponent(segment).replace(/\*/g, '%2A');
  return encoded === '.' || encoded === '..' || encoded === '' ? `%${encoded}` : encoded.replace(/^\./, '%2E');
}

function decodeSegment(segment: string): string {
  return segment.startsWith('%.') || segment === '%' ? segment.slice(1) : decodeURIComponent(segment);
}

export class MemoryStore implements Store {
  protected docs = new Map<string, string>();
  protected blobs = new Map<string, Buffer>();
  /** Parsed documents handed out by peek, with the text they were parsed from. */
  private readonly parsed = new Map<string, { text: string; value: unknown }>();

  get<T>(key: string): T | undefined {
    const text = this.docs.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }
  peek<T>(key: string): Readonly<T> | undefined {
    const text = this.docs.get(key);
    if (text === undefined) {
      this.parsed.delete(key);
      return undefined;
    }
    const cached = this.parsed.get(key);
    // A put stores a new string, so an unchanged document compares by identity, at once.
    if (cached && cached.text === text) return cached.value as Readonly<T>;
    const value = deepFreeze(JSON.parse(text));
    this.parsed.set(key, { text, value });
    return value as Readonly<T>;
  }
  put(key: string, value: unknown): void {
    this.docs.set(key, JSON.stringify(value));
  }
  delete(key: string): void {
    this.docs.delete(key);
    this.parsed.delete(key);
  }
  keys(prefix: string): string[] {
    const start = `${prefix}/`;
    return [...this.docs.keys()].filter((k) => k.startsWith(start)).sort();
  }
  getBlob(key: string): Buffer | undefined {
    return this.blobs.get(key);
  }
  putBlob(key: string, data: Buffer): void {
    this.blobs.set(key, Buffer.from(data));
  }
  deleteBlob(key: string): void {
    this.blobs.delete(key);
  }
  deleteAll(prefix: string): void {
    const start = `${prefix}/`;
    for (const k of [...this.docs.keys()]) if (k.startsWith(start)) this.delete(k);
    for (const k of [...this.blobs.keys()]) if (k.startsWith(start)) this.deleteBlob(k);
  }
  directory(_name: string): string | undefined {
    return undefined;
  }
  clear(): void {
    this.docs.clear();
    this.blobs.clear();
    this.parsed.clear();
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

/** Documents and blobs as files under `root/data`, each written to a temporary file then renamed. */
export class FileStore extends MemoryStore {
  private readonly dataDir: string;
  private readonly blobKeys = new Set<string>();
  private tmpCounter = 0;

  constructor(private readonly root: string) {
    super();
    this.dataDir = join(root, 'data');
    mkdirSync(this.dataDir, { recursive: true });
    this.load(this.dataDir, []);
  }

  private load(dir: string, segments: string[]): void {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.name.includes('.tmp-')) {
        rmSync(full, { force: true }); // an interrupted write: the previous version is intact
      } else if (entry.isDirectory()) {
        this.load(full, [...segments, decodeSegment(entry.name)]);
      } else if (entry.name.endsWith(JSON_EXT)) {
        const key = [...segments, decodeSegment(entry.name.slice(0, -JSON_EXT.length))].join('/');
        this.docs.set(key, readFileSync(full, 'utf8'));
      } else if (entry.name.endsWith(BLOB_EXT)) {
        this.blobKeys.add([...segments, decodeSegment(entry.name.slice(0, -BLOB_EXT.length))].join('/'));
      }
    }
  }

  private pathFor(key: string, ext: string): string {
    return join(this.dataDir, ...key.split('/').map(encodeSegment)) + ext;
  }

  /** A failed write (full or read-only disk) leaves the previous version and no partial file, and says where. */
  private atomicWrite(file: string, data: string | Buffer): void {
    const tmp = `${file}.tmp-${process.pid}-${this.tmpCounter++}`;
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(tmp, data);
      renameSync(tmp, file);
    } catch (err) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // a read-only disk: there is no partial file to remove
      }
      throw new Error(`The state directory ${this.root} could not be written (${(err as Error).message}); the change was not saved.`);
    }
  }

  override put(key: string, value: unknown): void {
    const text = JSON.stringify(value);
    this.atomicWrite(this.pathFor(key, JSON_EXT), text);
    this.docs.set(key, text);
  }
  override delete(key: string): void {
    rmSync(this.pathFor(key, JSON_EXT), { force: true });
    super.delete(key);
  }
  override getBlob(key: string): Buffer | undefined {
    if (!this.blobKeys.has(key)) return undefined;
    return readFileSync(this.pathFor(key, BLOB_EXT));
  }
  override putBlob(key: string, data: Buffer): void {
    this.atomicWrite(this.pathFor(key, BLOB_EXT), data);
    this.blobKeys.add(key);
  }
  override deleteBlob(key: string): void {
    rmSync(this.pathFor(key, BLOB_EXT), { force: true });
    this.blobKeys.delete(key);
  }
  override deleteAll(prefix: string): void {
    super.deleteAll(prefix);
    const start = `${prefix}/`;
    for (const k of [...this.blobKeys]) if (k.startsWith(start)) this.deleteBlob(k);
    rmSync(join(this.dataDir, ...prefix.split('/').map(encodeSegment)), { recursive: true, force: true });
  }
  override directory(name: string): string {
    const dir = join(this.root, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  }
  override clear(): void {
    super.clear();
    this.blobKeys.clear();
    for (const entry of readdirSync(this.root)) rmSync(join(this.root, entry), { recursive: true, force: true });
    mkdirSync(this.dataDir, { recursive: true });
  }
}

/** Below this much free space a start would only lead to failed writes later. */
const MIN_FREE_BYTES = 1024 * 1024;

/** Checks at start that the state directory can be written, so a full or read-only disk is a clear error, not silent loss. */
export function openStore(stateDir: string | undefined): Store {
  if (!stateDir) return new MemoryStore();
  if (existsSync(stateDir) && !statSync(stateDir).isDirectory()) {
    throw new Error(`The state directory ${stateDir} is a file, not a directory. Remove it or set EMULATOR_STATE_DIR elsewhere.`);
  }
  const advice = 'Free some space, fix its permissions, or set EMULATOR_STATE_DIR elsewhere (EMULATOR_PERSIST=0 keeps state in memory).';
  const probe = join(stateDir, `.write-probe-${process.pid}`);
  try {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(probe, 'ok');
    rmSync(probe);
  } catch (err) {
    try {
      rmSync(probe, { force: true }); // a probe half-written to a full disk
    } catch {
      // nothing was created
    }
    throw new Error(`The state directory ${stateDir} cannot be written (${(err as Error).message}). ${advice}`);
  }
  const { bavail, bsize } = statfsSync(stateDir);
  if (bavail * bsize < MIN_FREE_BYTES) {
    throw new Error(`The state directory ${stateDir} has only ${Math.floor((bavail * bsize) / 1024)} kB free. ${advice}`);
  }
  return new FileStore(stateDir);
}

/** A typed view of the documents of one kind for one account and region. */
export class Collection<T> {
  constructor(
    private readonly store: Store,
    readonly prefix: string,
  ) {}
  get(id: string): T | undefined {
    return this.store.get<T>(`${this.prefix}/${id}`);
  }
  /** The shared frozen document (see Store.peek): read it, never change it. */
  peek(id: string): Readonly<T> | undefined {
    return this.store.peek<T>(`${this.prefix}/${id}`);
  }
  put(id: string, value: T): void {
    this.store.put(`${this.prefix}/${id}`, value);
  }
  delete(id: string): void {
    this.store.delete(`${this.prefix}/${id}`);
  }
  ids(): string[] {
    const start = this.prefix.length + 1;
    return this.store
      .keys(this.prefix)
      .map((k) => k.slice(start))
      .filter((id) => !id.includes('/'));
  }
  list(): T[] {
    return this.ids().map((id) => this.get(id)!);
  }
}
