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

console.log(
  `\nSUMMARY boot_ms=${fmt(boot.bootMs, 0)} start_ms=${fmt(start.startMs, 0)} ddb_ratio_vs_moto=${fmt(ddb.ratio, 2)} ` +
    `lambda_cold_ms=${fmt(lambda.coldMs, 1)} lambda_warm_ms=${fmt(lambda.warmMs, 2)} api_p50_ms=${fmt(api.p50Ms, 2)} ` +
    `api_p99_ms=${fmt(api.p99Ms, 2)} api_rps=${fmt(api.rps, 0)} rss_idle_mb=${fmt(start.rssIdleMb, 0)}`,
);
process.exit(0);
