import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  ScanCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalCloud } from '../../index.js';

const ROOT = join(import.meta.dirname, '../../..');
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const ITEMS_PER_TRANSACTION = 10;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startChildCloud(stateDir: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'emulator/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), EMULATOR_STATE_DIR: stateDir },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(`${url}/_emulator/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, url };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the local cloud did not start');
}

describe('DynamoDB after a kill -9', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'ddb-crash-'));
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  it('keeps every transaction whole (or absent) and its stream records with it', async () => {
    const { child, url } = await startChildCloud(stateDir);
    const ddb = new DynamoDBClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts: 1 });
    await ddb.send(
      new CreateTableCommand({
        TableName: 'Crash',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      }),
    );
    const acknowledged = new Set<number>();
    let next = 0;
    let killed = false;
    const writer = async () => {
      while (!killed) {
        const txn = next++;
        try {
          await ddb.send(
            new TransactWriteItemsCommand({
              TransactItems: Array.from({ length: ITEMS_PER_TRANSACTION }, (_, i) => ({
                Put: { TableName: 'Crash', Item: { pk: { S: `t${txn}-${i}` }, txn: { N: String(txn) } } },
              })),
            }),
          );
          acknowledged.add(txn);
        } catch {
          return; // the process is gone
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    while (acknowledged.size < 40) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    child.kill('SIGKILL');
    await Promise.all(writers);
    await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
    ddb.destroy();

    const cloud = await startLocalCloud({ port: 0, host: '127.0.0.1', stateDir });
    try {
      const again = new DynamoDBClient({ endpoint: cloud.url, region: 'us-east-1', credentials });
      const items: Record<string, any>[] = [];
      let ExclusiveStartKey: Record<string, any> | undefined;
      do {
        const page = await again.send(new ScanCommand({ TableName: 'Crash', ExclusiveStartKey }));
        items.push(...(page.Items ?? []));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      const perTransaction = new Map<number, number>();
      for (const item of items) perTransaction.set(Number(item.txn.N), (perTransaction.get(Number(item.txn.N)) ?? 0) + 1);
      for (const count of perTransaction.values()) expect(count).toBe(ITEMS_PER_TRANSACTION);
      for (const txn of acknowledged) expect(perTransaction.get(txn)).toBe(ITEMS_PER_TRANSACTION);

      // One record per item, and numbering goes on after the restart.
      await again.send(new PutItemCommand({ TableName: 'Crash', Item: { pk: { S: 'after-restart' }, txn: { N: '-1' } } }));
      const streams = new DynamoDBStreamsClient({ endpoint: cloud.url, region: 'us-east-1', credentials });
      const { Table } = await again.send(new DescribeTableCommand({ TableName: 'Crash' }));
      const StreamArn = Table!.LatestStreamArn!;
      const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn }));
      let { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({ StreamArn, ShardId: StreamDescription!.Shards![0]!.ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
      );
      const keys: string[] = [];
      const sequence: string[] = [];
      for (;;) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator }));
        if (!page.Records?.length) break;
        for (const record of page.Records) {
          keys.push(record.dynamodb!.Keys!.pk!.S!);
          sequence.push(record.dynamodb!.SequenceNumber!);
        }
        ShardIterator = page.NextShardIterator;
      }
      expect(keys.sort()).toEqual([...items.map((item) => item.pk.S), 'after-restart'].sort());
      expect(new Set(sequence).size).toBe(sequence.length);
    } finally {
      await cloud.close();
    }
  }, 120_000);
});
