/**
 * DynamoDB throughput: the same workload (puts, queries, GSI queries; one client, then 16
 * concurrent clients; fixed counts) against the local cloud and against moto_server, each in its
 * own process on a free port, one after the other. Prints a table, the ratio per phase and
 * `ddb_ratio_vs_moto=<x>`: the geometric mean of the put/query/GSI-query ratios at 16 clients
 * (`nan` where moto_server is absent).
 *
 * Run: npx tsx bench/dynamodb.ts
 */

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { freePort, ROOT, stop, waitForUrl } from './support.js';

const TABLE = 'Bench';
const INDEX = 'group-index';
const PARTITIONS = 50;
const GROUPS = 25;
const CLIENTS = 16;

/** Operations per phase; the same for both targets. */
export const WORKLOAD = {
  sequential: { puts: 400, queries: 200, gsiQueries: 200 },
  concurrent: { puts: 800, queries: 400, gsiQueries: 400 },
};

type PhaseName = 'put' | 'query' | 'gsi-query';
interface PhaseResult {
  phase: PhaseName;
  clients: number;
  ops: number;
  opsPerSecond: number;
}
export interface TargetResult {
  target: string;
  phases: PhaseResult[];
}
export interface DynamoDbBenchResult {
  ours: TargetResult;
  moto?: TargetResult;
  /** Geometric mean of the 16-client put/query/GSI-query ratios; NaN without moto. */
  ratio: number;
}

function client(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
}

async function createTable(ddb: DynamoDBClient): Promise<void> {
  await ddb.send(
    new CreateTableCommand({
      TableName: TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
        { AttributeName: 'g', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: INDEX,
          KeySchema: [
            { AttributeName: 'g', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
}

const payload = 'x'.repeat(200);

function put(ddb: DynamoDBClient, i: number): Promise<unknown> {
  return ddb.send(
    new PutItemCommand({
      TableName: TABLE,
      Item: { pk: { S: `p${i % PARTITIONS}` }, sk: { N: String(i) }, g: { S: `g${i % GROUPS}` }, body: { S: payload } },
    }),
  );
}

function query(ddb: DynamoDBClient, i: number): Promise<unknown> {
  return ddb.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': { S: `p${i % PARTITIONS}` } },
      Limit: 20,
      ScanIndexForward: false,
    }),
  );
}

function gsiQuery(ddb: DynamoDBClient, i: number): Promise<unknown> {
  return ddb.send(
    new QueryCommand({
      TableName: TABLE,
      IndexName: INDEX,
      KeyConditionExpression: 'g = :g',
      ExpressionAttributeValues: { ':g': { S: `g${i % GROUPS}` } },
      Limit: 20,
    }),
  );
}

/** Runs `count` operations spread over the clients (each client one after the other), returns ops/s. */
async function phase(clients: DynamoDBClient[], count: number, offset: number, op: (ddb: DynamoDBClient, i: number) => Promise<unknown>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (ddb) => {
      while (next < count) {
        const i = next++;
        await op(ddb, offset + i);
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

async function runWorkload(target: string, endpoint: string): Promise<TargetResult> {
  const one = [client(endpoint)];
  const many = Array.from({ length: CLIENTS }, () => client(endpoint));
  try {
    await createTable(one[0]!);
    // Warm the connection and the server before measuring.
    for (let i = 0; i < 20; i++) await query(one[0]!, i);
    const phases: PhaseResult[] = [];
    const { sequential: s, concurrent: c } = WORKLOAD;
    phases.push({ phase: 'put', clients: 1, ops: s.puts, opsPerSecond: await phase(one, s.puts, 0, put) });
    phases.push({ phase: 'query', clients: 1, ops: s.queries, opsPerSecond: await phase(one, s.queries, 0, query) });
    phases.push({ phase: 'gsi-query', clients: 1, ops: s.gsiQueries, opsPerSecond: await phase(one, s.gsiQueries, 0, gsiQuery) });
    phases.push({ phase: 'put', clients: CLIENTS, ops: c.puts, opsPerSecond: await phase(many, c.puts, s.puts, put) });
    phases.push({ phase: 'query', clients: CLIENTS, ops: c.queries, opsPerSecond: await phase(many, c.queries, 0, query) });
    phases.push({ phase: 'gsi-query', clients: CLIENTS, ops: c.gsiQueries, opsPerSecond: await phase(many, c.gsiQueries, 0, gsiQuery) });
    return { target, phases };
  } finally {
    for (const ddb of [...one, ...many]) ddb.destroy();
  }
}

/** The local cloud in its own process, with its state on disk as `npm start` keeps it. */
async function benchLocalCloud(): Promise<TargetResult> {
  const port = await freePort();
  const stateDir = mkdtempSync(join(tmpdir(), 'bench-ddb-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'emulator/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), EMULATOR_STATE_DIR: stateDir, EMULATOR_PERSIST: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForUrl(`${url}/_emulator/health`, child, 30_000);
    return await runWorkload('local cloud', url);
  } finally {
    await stop(child);
    rmSync(stateDir, { recursive: true, force: true });
  }
}

function motoAvailable(): boolean {
  return spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;
}

async function benchMoto(): Promise<TargetResult | undefined> {
  if (!motoAvailable()) return undefined;
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForUrl(`${url}/moto-api/`, child, 30_000);
    return await runWorkload('moto_server', url);
  } finally {
    await stop(child);
  }
}

function geometricMean(values: number[]): number {
  if (!values.length || values.some((v) => !(v > 0))) return Number.NaN;
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
}

export async function runDynamoDbBench(): Promise<DynamoDbBenchResult> {
  const ours = await benchLocalCloud();
  const moto = await benchMoto();
  const ratios = ours.phases
    .filter((p) => p.clients === CLIENTS)
    .map((p) => {
      const theirs = moto?.phases.find((m) => m.phase === p.phase && m.clients === p.clients);
      return theirs ? p.opsPerSecond / theirs.opsPerSecond : Number.NaN;
    });
  return { ours, moto, ratio: geometricMean(ratios) };
}

export function formatDynamoDbBench(result: DynamoDbBenchResult): string {
  const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? 'nan' : n.toFixed(n >= 100 ? 0 : 1));
  const lines = [
    `${'phase'.padEnd(10)} ${'clients'.padStart(7)} ${'ops'.padStart(5)} ${'local/s'.padStart(9)} ${'moto/s'.padStart(9)} ${'ratio'.padStart(7)}`,
  ];
  for (const p of result.ours.phases) {
    const m = result.moto?.phases.find((x) => x.phase === p.phase && x.clients === p.clients);
    const ratio = m ? p.opsPerSecond / m.opsPerSecond : Number.NaN;
    lines.push(
      `${p.phase.padEnd(10)} ${String(p.clients).padStart(7)} ${String(p.ops).padStart(5)} ${fmt(p.opsPerSecond).padStart(9)} ${fmt(m?.opsPerSecond).padStart(9)} ${fmt(ratio).padStart(7)}`,
    );
  }
  if (!result.moto) lines.push('moto_server is not installed: no comparison');
  lines.push(`ddb_ratio_vs_moto=${Number.isNaN(result.ratio) ? 'nan' : result.ratio.toFixed(2)}`);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const result = await runDynamoDbBench();
  console.log(formatDynamoDbBench(result));
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
