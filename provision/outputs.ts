import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TargetName } from './target.js';

/** The stack outputs contract (DESIGN.md): other tools and tests read outputs/<target>.json. */
export interface StackOutputs {
  target: TargetName;
  region: string;
  /** null on real AWS. */
  endpoint: string | null;
  account: string;
  /** Stage URL, no trailing slash. */
  apiUrl: string;
  apiId: string;
  stage: string;
  /** The chat, for browsers. */
  websiteUrl: string;
  /** The same site reachable by Node code (path-style). */
  websitePathUrl: string;
  /** The CloudFront URL; null while the target has no distribution. */
  cdnUrl: string | null;
  userPoolId: string;
  userPoolClientId: string;
  websiteBucket: string;
  functions: Record<string, string>;
  /** The version each function's alias `live` (stage prod) serves. */
  liveVersions: Record<string, string>;
}

/** outputs/ at the project root; OUTPUTS_DIR moves it (benchmarks and tests keep the developer's files intact). */
export const OUTPUTS_DIR = process.env.OUTPUTS_DIR ?? fileURLToPath(new URL('../outputs/', import.meta.url));

export function writeOutputs(outputs: StackOutputs): string {
  mkdirSync(OUTPUTS_DIR, { recursive: true });
  const file = join(OUTPUTS_DIR, `${outputs.target}.json`);
  writeFileSync(file, `${JSON.stringify(outputs, null, 2)}\n`);
  return file;
}

export function readOutputs(target: TargetName): StackOutputs {
  const file = join(OUTPUTS_DIR, `${target}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StackOutputs;
  } catch {
    throw new Error(`No outputs for target ${target} (${file}): run \`npm run provision -- --target ${target}\` first.`);
  }
}
