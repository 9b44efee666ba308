/**
 * npm run provision -- --target local|localstack|aws [--endpoint URL] [--region R] [--profile P] [--dry-run]
 * npm run teardown  -- --target local|localstack|aws [--endpoint URL] [--region R] [--profile P]
 */
import { parseCommandLine, resolveRegion, USAGE, UsageError } from './cli-args.js';
import { explain } from './explain.js';
import type { Target } from './target.js';

const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  let target: Target | undefined;
  try {
    const line = parseCommandLine(process.argv.slice(2));
    if (line === 'help') {
      console.log(USAGE);
      return;
    }
    target = await resolveRegion(line.target);
    const started = performance.now();
    // Loaded only now: a usage error answers at once.
    const [{ planFor, renderPlan }, { provision }, { teardown }, { writeOutputs }] = await Promise.all([
      import('./plan.js'),
      import('./provision.js'),
      import('./teardown.js'),
      import('./outputs.js'),
    ]);
    if (line.dryRun) {
      console.error(`Planning: the provisioner runs against an in-process local cloud; nothing leaves this machine.`);
      const plan = await planFor(target);
      console.log(renderPlan(plan, { verbose: line.verbose }));
    } else if (line.command === 'provision') {
      const outputs = await provision(target);
      const file = writeOutputs(outputs);
      console.log(`Done in ${seconds(started)}. Outputs: ${file}`);
      console.log(`Chat: ${outputs.cdnUrl ?? outputs.websiteUrl}`);
    } else {
      const failures = await teardown(target);
      if (failures.length) {
        console.error(`Could not remove:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
        process.exitCode = 1;
      } else console.log(`Removed in ${seconds(started)}.`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    const { problem, next } = explain(err, target ?? { name: 'local', region: 'us-east-1' });
    console.error(`\nFailed: ${problem}\nNext: ${next}`);
    process.exitCode = 1;
  }
}

await main();
// Clients keep sockets alive for a while; the command is done.
process.exit(process.exitCode ?? 0);
