import { functionArn } from './arns.js';
import { functionNotFound, ResourceNotFoundException } from './errors.js';
import { type AliasRecord, type FunctionRecord, LATEST, type VersionConfig } from './state.js';

/** A published version number. */
export const VERSION_NUMBER = /^[0-9]+$/;
/** An alias name as CreateAlias accepts it: letters, digits, `-` and `_`, not all digits. */
export const ALIAS_NAME = /^(?!^[0-9]+$)[a-zA-Z0-9_-]+$/;
export const ALIAS_NAME_PATTERN = '(?!^[0-9]+$)([a-zA-Z0-9-_]+)';

export const isAliasName = (qualifier: string) => ALIAS_NAME.test(qualifier);

/** What a qualifier names: a version (`$LATEST` or a number), or an alias and the version it points to. */
export interface Resolved {
  config: VersionConfig;
  alias?: AliasRecord;
}

/** The version or alias a qualifier names on a function (`$LATEST` without one), or undefined. */
export function resolveQualifier(fn: FunctionRecord, qualifier?: string): Resolved | undefined {
  const key = qualifier ?? LATEST;
  const config = fn.versions[key];
  if (config) return { config };
  const alias = fn.aliases?.[key];
  const target = alias && fn.versions[alias.functionVersion];
  return alias && target ? { config: target, alias } : undefined;
}

/**
 * The same, with the error AWS gives the policy operations for a qualifier that names nothing:
 * "Cannot find alias arn" for an alias name, "Function not found" otherwise.
 */
export function requireQualifier(fn: FunctionRecord, qualifier: string | undefined, account: string, region: string): Resolved {
  const resolved = resolveQualifier(fn, qualifier);
  if (resolved) return resolved;
  const arn = functionArn(region, account, fn.name, qualifier);
  if (qualifier && isAliasName(qualifier)) throw new ResourceNotFoundException(`Cannot find alias arn: ${arn}`);
  throw functionNotFound(arn);
}

/** The version an invocation of an alias runs: the alias's own, or an additional one by weight. */
export function pickVersion(alias: AliasRecord, random = Math.random()): string {
  let threshold = 0;
  for (const [version, weight] of Object.entries(alias.additionalVersionWeights ?? {})) {
    threshold += weight;
    if (random < threshold) return version;
  }
  return alias.functionVersion;
}

/** Aliases that route some invocations to a version (as their version or by weight), sorted by name. */
export function aliasesReferencing(fn: FunctionRecord, version: string): string[] {
  return Object.values(fn.aliases ?? {})
    .filter((a) => a.functionVersion === version || a.additionalVersionWeights?.[version] !== undefined)
    .map((a) => a.name)
    .sort();
}
