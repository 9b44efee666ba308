import { parseArgs } from 'node:util';
import { STSClient } from '@aws-sdk/client-sts';
import { defaultEndpoint, serviceEndpointsFromEnv, type Target, type TargetName } from './target.js';

export const USAGE = `usage: npm run provision -- [--target local|localstack|aws] [options]
       npm run teardown  -- [--target local|localstack|aws] [options]

  --target T        local (default: the embedded local cloud), localstack (any AWS-compatible
                    endpoint), or aws (real AWS: default credential chain, no endpoint override)
  --endpoint URL    local and localstack only (default AWS_ENDPOINT_URL or http://localhost:4566);
                    AWS_ENDPOINT_URL_<SERVICE> variables route single services elsewhere
  --region R        default AWS_REGION, AWS_DEFAULT_REGION, the profile's region, or us-east-1
  --profile P       aws only: the named credential profile
  --public-host H   the host name browsers use for the endpoints when it differs (docker compose)
  --dry-run         provision only: print the plan (every call, grouped by step) and send nothing
  --verbose         with --dry-run: every input in full
  --help`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CommandLine {
  command: 'provision' | 'teardown';
  target: Target;
  dryRun: boolean;
  verbose: boolean;
}

const TARGETS: TargetName[] = ['local', 'localstack', 'aws'];
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function checkUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${what} "${value}" is not a URL (e.g. http://localhost:4566).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`${what} "${value}" must start with http:// or https://.`);
  return value.replace(/\/+$/, '');
}

/** Parses and checks the command line; throws a UsageError naming what is wrong. Reads no file and no network. */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv = process.env): CommandLine | 'help' {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; args: string[] }>>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const command = positionals[0] ?? 'provision';
  if (command !== 'provision' && command !== 'teardown') throw new UsageError(`Unknown command "${command}": provision or teardown.`);
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);
  const name = (values.target ?? 'local') as TargetName;
  if (!TARGETS.includes(name)) throw new UsageError(`Unknown target "${values.target}": local, localstack or aws.`);
  if (name === 'aws' && values.endpoint) {
    throw new UsageError(
      '--endpoint does not apply to --target aws (real AWS uses no endpoint override); for an AWS-compatible endpoint use --target localstack --endpoint URL.',
    );
  }
  if (name === 'aws' && values['public-host']) throw new UsageError('--public-host does not apply to --target aws.');
  if (name !== 'aws' && values.profile) throw new UsageError('--profile applies to --target aws only (emulators take any credentials).');
  if (values['dry-run'] && command !== 'provision') throw new UsageError('--dry-run applies to provision only.');
  if (values.verbose && !values['dry-run']) throw new UsageError('--verbose applies with --dry-run only.');
  if (values.region !== undefined && !REGION.test(values.region))
    throw new UsageError(`"${values.region}" is not a region name (e.g. us-east-1, eu-west-1).`);

  const endpointValue = name === 'aws' ? undefined : (values.endpoint ?? defaultEndpoint(name));
  const target: Target = {
    name,
    region: values.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? '',
    endpoint: endpointValue && checkUrl(endpointValue, '--endpoint'),
  };
  if (name !== 'aws') {
    const routed = serviceEndpointsFromEnv(env);
    for (const [key, url] of Object.entries(routed)) checkUrl(url, `AWS_ENDPOINT_URL for ${key}`);
    if (Object.keys(routed).length) target.serviceEndpoints = routed;
    if (values['public-host']) target.publicHost = values['public-host'];
  }
  if (values.profile) target.profile = values.profile;
  return { command, target, dryRun: Boolean(values['dry-run']), verbose: Boolean(values.verbose) };
}

const OPTIONS = {
  target: { type: 'string' },
  endpoint: { type: 'string' },
  region: { type: 'string' },
  profile: { type: 'string' },
  'public-host': { type: 'string' },
  'dry-run': { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

/** The region when none was given: the profile's (read from the shared config files, no network), else us-east-1. */
export async function resolveRegion(target: Target): Promise<Target> {
  if (target.region) return target;
  let region = 'us-east-1';
  if (target.name === 'aws') {
    const client = new STSClient(target.profile ? { profile: target.profile } : {});
    region = await client.config.region().catch(() => region);
    client.destroy();
  }
  return { ...target, region };
}
