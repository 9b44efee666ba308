import { randomUUID } from 'node:crypto';
import { Collection, type Store } from '../../core/store.js';
import type { PolicyStatement } from './policy.js';

/** The configuration of one version of a function (`$LATEST` or a published number). */
export interface VersionConfig {
  version: string;
  description: string;
  runtime: string;
  role: string;
  handler: string;
  timeout: number;
  memorySize: number;
  environment?: Record<string, string>;
  /** Base64 of the SHA-256 of the zip, as AWS reports it. */
  codeSha256: string;
  /** Hex of the same digest: names the code blob and the unpacked directory. */
  codeSha256Hex: string;
  codeSize: number;
  architectures: string[];
  ephemeralStorage: number;
  tracingMode: string;
  lastModified: string;
  revisionId: string;
}

export interface FunctionPolicy {
  statements: PolicyStatement[];
}

/** A named pointer to a version, optionally splitting invocations with a second version by weight. */
export interface AliasRecord {
  name: string;
  functionVersion: string;
  description: string;
  /** RoutingConfig.AdditionalVersionWeights: version → share of invocations (0 ≤ weight < 1). */
  additionalVersionWeights?: Record<string, number>;
  revisionId: string;
}

export interface FunctionRecord {
  name: string;
  /** By qualifier: `$LATEST` and published version numbers. */
  versions: Record<string, VersionConfig>;
  nextVersion: number;
  /** By alias name (absent in records written before aliases existed). */
  aliases?: Record<string, AliasRecord>;
  /** Resource policy by qualifier (`$LATEST` for the unqualified function, else a version or alias). */
  policies: Record<string, FunctionPolicy>;
  tags?: Record<string, string>;
}

export const LATEST = '$LATEST';

/** Lambda state of one account and region: function documents and their code zips. */
export class FunctionStore {
  private readonly functions: Collection<FunctionRecord>;
  private readonly codePrefix: string;

  constructor(
    private readonly store: Store,
    readonly account: string,
    readonly region: string,
  ) {
    this.functions = new Collection(store, `lambda/${account}/${region}/functions`);
    this.codePrefix = `lambda/${account}/${region}/code`;
  }

  get(name: string): FunctionRecord | undefined {
    return this.functions.get(name);
  }
  /** The shared frozen record (see Store.peek), for invocations: read it, never change it. */
  peek(name: string): Readonly<FunctionRecord> | undefined {
    return this.functions.peek(name);
  }
  put(fn: FunctionRecord): void {
    this.functions.put(fn.name, fn);
  }
  delete(name: string): void {
    this.functions.delete(name);
    this.store.deleteAll(`${this.codePrefix}/${name}`);
  }
  list(): FunctionRecord[] {
    return this.functions.list().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  putCode(name: string, sha256Hex: string, zip: Buffer): void {
    const key = `${this.codePrefix}/${name}/${sha256Hex}`;
    if (!this.store.getBlob(key)) this.store.putBlob(key, zip);
  }
  getCode(name: string, sha256Hex: string): Buffer | undefined {
    return this.store.getBlob(`${this.codePrefix}/${name}/${sha256Hex}`);
  }
  /** Drops the code zips no version of the function refers to any more. */
  pruneCode(fn: FunctionRecord, previous: string[]): void {
    const used = new Set(Object.values(fn.versions).map((v) => v.codeSha256Hex));
    for (const sha of previous) if (!used.has(sha)) this.store.deleteBlob(`${this.codePrefix}/${fn.name}/${sha}`);
  }
}

/** `2024-01-01T00:00:00.000+0000`, the format of LastModified. */
export function lambdaDate(date = new Date()): string {
  return date.toISOString().replace('Z', '+0000');
}

export const newRevisionId = () => randomUUID();

/**
 * Publishes `$LATEST` as the next version number, or returns the newest version when neither code
 * nor configuration changed since it was published (as AWS does, whatever the description).
 * Publishing gives `$LATEST` a new RevisionId.
 */
export function publishVersion(fn: FunctionRecord, description?: string): VersionConfig {
  const latest = fn.versions[LATEST]!;
  const newest = fn.nextVersion > 1 ? fn.versions[String(fn.nextVersion - 1)] : undefined;
  if (newest && sameContent(newest, latest)) return newest;
  const version = String(fn.nextVersion++);
  const published: VersionConfig = {
    ...latest,
    version,
    description: description ?? latest.description,
    lastModified: lambdaDate(),
    revisionId: newRevisionId(),
  };
  fn.versions[version] = published;
  fn.versions[LATEST] = { ...latest, revisionId: newRevisionId() };
  return published;
}

function sameContent(a: VersionConfig, b: VersionConfig): boolean {
  return contentOf(a) === contentOf(b);
}

function contentOf({ version: _v, lastModified: _l, revisionId: _r, description: _d, ...rest }: VersionConfig): string {
  return JSON.stringify(rest);
}

/**
 * What identifies the code and configuration an execution environment was started with: it changes
 * with UpdateFunctionCode/Configuration, not with a new RevisionId from a permission or a tag.
 */
export function environmentRevision(config: VersionConfig): string {
  return `${config.lastModified}|${contentOf(config)}`;
}

/** Gives a version or alias a new RevisionId (its policy or tags changed), as AWS does. */
export function touchRevision(fn: FunctionRecord, qualifier: string): void {
  const alias = fn.aliases?.[qualifier];
  if (alias) alias.revisionId = newRevisionId();
  else if (fn.versions[qualifier]) fn.versions[qualifier] = { ...fn.versions[qualifier]!, revisionId: newRevisionId() };
}
