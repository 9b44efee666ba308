import { parseArgs } from 'node:util';
import { readOutputs, type StackOutputs } from '../provision/outputs.js';
import type { Target, TargetName } from '../provision/target.js';

export interface ScriptArgs {
  target: Target;
  outputs: StackOutputs;
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/**
 * The target of a script that works on a provisioned stack: `--target local|localstack|aws`
 * (default local), endpoint and region from outputs/<target>.json unless given.
 */
export function scriptArgs(argv: string[], usage: string, extra: Record<string, { type: 'string' | 'boolean' }> = {}): ScriptArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        target: { type: 'string', default: 'local' },
        endpoint: { type: 'string' },
        region: { type: 'string' },
        help: { type: 'boolean' },
        ...extra,
      },
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${usage}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const name = values.target as TargetName;
  if (!['local', 'localstack', 'aws'].includes(name)) throw new Error(`Unknown target "${name}".\n${usage}`);
  const outputs = readOutputs(name);
  const endpoint = name === 'aws' ? undefined : ((values.endpoint as string | undefined) ?? outputs.endpoint ?? undefined);
  return {
    target: { name, endpoint, region: (values.region as string | undefined) ?? outputs.region },
    outputs,
    positionals: parsed.positionals,
    values,
  };
}

export function runScript(main: () => Promise<void>): void {
  main().catch((err: Error) => {
    const refused = /ECONNREFUSED/.test(`${err.message} ${String((err as { cause?: unknown }).cause ?? '')}`);
    console.error(refused ? 'Nothing answers at the endpoint: is the local cloud running (npm start)?' : err.message);
    process.exit(1);
  });
}
