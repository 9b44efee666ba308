/**
 * npm run provision -- --target local|localstack|aws [--endpoint URL] [--region R]
 * npm run teardown  -- --target local|localstack|aws [--endpoint URL] [--region R]
 */
import { parseArgs } from 'node:util';
import { writeOutputs } from './outputs.js';
import { provision } from './provision.js';
import { defaultEndpoint, type Target, type TargetName } from './target.js';
import { teardown } from './teardown.js';

const USAGE = 'usage: npm run provision|teardown -- --target local|localstack|aws [--endpoint URL] [--region REGION]';

function parseTarget(argv: string[]): { command: string; target: Target } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      target: { type: 'string', default: 'local' },
      endpoint: { type: 'string' },
      region: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const name = values.target as TargetName;
  if (!['local', 'localstack', 'aws'].includes(name)) throw new Error(`Unknown target "${values.target}". ${USAGE}`);
  const endpoint = name === 'aws' ? undefined : (values.endpoint ?? defaultEndpoint(name));
  const region = values.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  return { command: positionals[0] ?? 'provision', target: { name, endpoint, region } };
}

async function main(): Promise<void> {
  const { command, target } = parseTarget(process.argv.slice(2));
  const started = performance.now();
  if (command === 'provision') {
    const outputs = await provision(target);
    const file = writeOutputs(outputs);
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s. Outputs: ${file}`);
    console.log(`Chat: ${outputs.websiteUrl}`);
  } else if (command === 'teardown') {
    const failures = await teardown(target);
    if (failures.length) {
      console.error(`Could not remove:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
      process.exitCode = 1;
    } else console.log(`Removed in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } else throw new Error(`Unknown command "${command}". ${USAGE}`);
}

main().catch((err: Error) => {
  if (err.name === 'CredentialsProviderError') {
    console.error(
      'No AWS credentials found. Configure them (aws configure, AWS_PROFILE, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY) and try again.',
    );
  } else if (/ECONNREFUSED/.test(String(err.message) + String((err as any).cause ?? ''))) {
    console.error(`Nothing answers at the endpoint. Start the local cloud first (npm run emulator), or pass --endpoint URL.`);
  } else {
    console.error(`Failed: ${err.message}`);
  }
  process.exit(1);
});
