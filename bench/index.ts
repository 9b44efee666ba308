/** npm run bench: every benchmark, then one SUMMARY line (keys fixed: other tools read them). */
import { cpus } from 'node:os';
import { runApiBench } from './api.js';
import { runBootBench } from './boot.js';
import { formatDynamoDbBench, runDynamoDbBench } from './dynamodb.js';
import { runLambdaBench } from './lambda.js';
import { runStartBench } from './start.js';
import { fmt } from './support.js';

console.log(`Benchmarks on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString()}`);
const boot = await runBootBench();
const start = await runStartBench();
const ddb = await runDynamoDbBench();
console.log(`\n${formatDynamoDbBench(ddb)}`);
const lambda = await runLambdaBench();
const api = await runApiBench();

const results: Record<string, number> = {
  boot_ms: boot.bootMs,
  start_ms: start.startMs,
  ddb_ratio_vs_moto: ddb.ratio,
  lambda_cold_ms: lambda.coldMs,
  lambda_warm_ms: lambda.warmMs,
  api_p50_ms: api.p50Ms,
  api_p99_ms: api.p99Ms,
  api_rps: api.rps,
  rss_idle_mb: start.rssIdleMb,
};
/** The targets on a two-core machine: an upper bound, or (for throughput) a lower one. */
const TARGETS: Record<string, { at: 'most' | 'least'; value: number }> = {
  boot_ms: { at: 'most', value: 200 },
  start_ms: { at: 'most', value: 3000 },
  ddb_ratio_vs_moto: { at: 'least', value: 5 },
  lambda_cold_ms: { at: 'most', value: 150 },
  lambda_warm_ms: { at: 'most', value: 3 },
  api_p50_ms: { at: 'most', value: 10 },
  api_p99_ms: { at: 'most', value: 40 },
  api_rps: { at: 'least', value: 500 },
  rss_idle_mb: { at: 'most', value: 150 },
};
const DIGITS: Record<string, number> = { ddb_ratio_vs_moto: 2, lambda_cold_ms: 1, lambda_warm_ms: 2, api_p50_ms: 2, api_p99_ms: 2 };

console.log('\nTargets');
for (const [key, target] of Object.entries(TARGETS)) {
  const value = results[key]!;
  const met = Number.isFinite(value) ? (target.at === 'most' ? value <= target.value : value >= target.value) : undefined;
  const verdict = met === undefined ? 'not measured' : met ? 'met' : 'missed';
  console.log(
    `  ${key.padEnd(18)} ${fmt(value, DIGITS[key] ?? 0).padStart(9)}   ${target.at === 'most' ? '≤' : '≥'} ${target.value}   ${verdict}`,
  );
}
console.log(
  `\nSUMMARY ${Object.entries(results)
    .map(([key, value]) => `${key}=${fmt(value, DIGITS[key] ?? 0)}`)
    .join(' ')}`,
);
process.exit(0);
