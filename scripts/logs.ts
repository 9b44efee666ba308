/**
 * npm run logs -- <function> [--follow] [--since 10m] [--target local|localstack|aws] [--profile P]
 *
 * Prints a function's CloudWatch Logs (`/aws/lambda/<function>`) on any target, reading the region
 * and endpoint from outputs/<target>.json (written by `npm run provision`). A name starting with
 * `/` is taken as a log group.
 */
import { parseArgs } from 'node:util';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { readOutputs } from '../provision/outputs.js';
import type { TargetName } from '../provision/target.js';
import { parseDuration, tailLogGroup } from './log-tail.js';

const USAGE = `usage: npm run logs -- <function> [--follow] [--since 10m] [--target local|localstack|aws] [--profile P]

  <function>       e.g. Chat-Messages-POST (its log group is /aws/lambda/<function>), or a log group
  --follow, -f     keep printing new events until Ctrl-C
  --since D        how far back to start: 30s, 10m (default), 2h, 1d
  --target T       whose outputs/<T>.json to read (default local)
  --profile P      aws only: the named credential profile`;

async function main(): Promise<number> {
  let values: { follow?: boolean; since?: string; target?: string; profile?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        follow: { type: 'boolean', short: 'f' },
        since: { type: 'string' },
        target: { type: 'string' },
        profile: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const name = positionals[0];
  const target = (values.target ?? 'local') as TargetName;
  if (!name || positionals.length > 1 || !['local', 'localstack', 'aws'].includes(target)) {
    console.error(USAGE);
    return 2;
  }
  let since: number;
  try {
    since = Date.now() - parseDuration(values.since ?? '10m');
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const outputs = readOutputs(target);
  const endpoint = outputs.endpoint ?? undefined;
  const client = new CloudWatchLogsClient({
    region: outputs.region,
    ...(endpoint
      ? {
          endpoint,
          credentials: {
            accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'test',
            secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'test',
          },
        }
      : { ignoreConfiguredEndpointUrls: true }),
    ...(values.profile ? { profile: values.profile } : {}),
  });
  const logGroupName = name.startsWith('/') ? name : `/aws/lambda/${name}`;
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  console.error(
    `${logGroupName} on ${target}${endpoint ? ` (${endpoint})` : ''}, ${outputs.region}${values.follow ? ' — Ctrl-C stops' : ''}`,
  );
  await tailLogGroup(client, logGroupName, {
    since,
    follow: Boolean(values.follow),
    print: (line) => console.log(line),
    signal: stop.signal,
  });
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(`Failed: ${(err as Error).message}`);
  process.exitCode = 1;
}
process.exit(process.exitCode);
