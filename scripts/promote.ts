/**
 * npm run promote [-- --target T]: publishes each function's $LATEST as a new version and moves
 * alias `live` to it, so stage prod starts serving what stage dev has been running.
 */

import { FUNCTIONS } from '../provision/stack.js';
import { promote } from '../provision/steps/functions.js';
import { clientsFor } from '../provision/target.js';
import { runScript, scriptArgs } from './cli-target.js';

runScript(async () => {
  const { target } = scriptArgs(
    process.argv.slice(2),
    'usage: npm run promote -- [--target local|localstack|aws] [--endpoint URL] [--region R]',
  );
  const clients = clientsFor(target);
  for (const fn of FUNCTIONS) {
    const { from, to } = await promote(clients, fn.name);
    console.log(`  ${fn.name}: live ${from ?? '(none)'} → ${to}`);
  }
  console.log('Stage prod now serves the promoted versions.');
});
