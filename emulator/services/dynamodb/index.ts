/**
 * DynamoDB, through dynalite (in-process, LevelDB on disk under the state directory), one
 * database per account and region.
 *
 * Not yet: TransactWriteItems, TransactGetItems, Streams, TTL expiry, PartiQL, backups.
 */

import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { unknownOperation } from '../../core/errors.js';
import type { EdgeRequest, EdgeResponse } from '../../core/http.js';
import type { Service, ServiceContext } from '../../core/service.js';
import { jsonError } from '../../protocols/aws-json.js';

const require = createRequire(import.meta.url);
const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;

const SUPPORTED = new Set([
  'BatchGetItem',
  'BatchWriteItem',
  'CreateTable',
  'DeleteItem',
  'DeleteTable',
  'DescribeTable',
  'DescribeTimeToLive',
  'GetItem',
  'ListTables',
  'PutItem',
  'Query',
  'Scan',
  'TagResource',
  'UntagResource',
  'ListTagsOfResource',
  'UpdateItem',
  'UpdateTable',
]);

/** Collects what dynalite writes, so the edge sends the answer. */
class CapturedResponse {
  statusCode = 200;
  contentType = 'application/json';
  shouldKeepAlive = true;
  readonly headers: Record<string, string> = {};
  private chunks: Buffer[] = [];
  constructor(private readonly done: (response: EdgeResponse) => void) {}
  setHeader(name: string, value: unknown): void {
    this.headers[name.toLowerCase()] = String(value);
  }
  getHeader(name: string): string | undefined {
    return this.headers[name.toLowerCase()];
  }
  write(chunk: string | Buffer): void {
    this.chunks.push(Buffer.from(chunk));
  }
  end(chunk?: string | Buffer): void {
    if (chunk) this.write(chunk);
    delete this.headers['transfer-encoding'];
    delete this.headers['content-length'];
    this.done({ status: this.statusCode, headers: this.headers, body: Buffer.concat(this.chunks) });
  }
}

export class DynamoDbService implements Service {
  readonly name = 'dynamodb';
  private readonly databases = new Map<string, Server>();

  constructor(private readonly ctx: ServiceContext) {}

  private database(account: string, region: string): Server {
    const key = `${account}/${region}`;
    let server = this.databases.get(key);
    if (!server) {
      const dir = this.ctx.store.directory('dynamodb');
      // dynalite reads the account and region for its ARNs from the environment when it opens a database.
      const saved = { account: process.env.AWS_ACCOUNT_ID, region: process.env.AWS_REGION };
      process.env.AWS_ACCOUNT_ID = account;
      process.env.AWS_REGION = region;
      try {
        server = dynalite({ path: dir ? join(dir, account, region) : undefined, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
      } finally {
        restoreEnv('AWS_ACCOUNT_ID', saved.account);
        restoreEnv('AWS_REGION', saved.region);
      }
      // Listening (on a loopback port nobody uses) lets dynalite's close() also close its LevelDB.
      server.listen(0, '127.0.0.1');
      this.databases.set(key, server);
    }
    return server;
  }

  async handle(req: EdgeRequest): Promise<EdgeResponse> {
    const operation = (req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    if (req.headers['x-amz-target'] && !SUPPORTED.has(operation)) {
      return jsonError(unknownOperation('DynamoDB', operation), 'application/x-amz-json-1.0');
    }
    const server = this.database(req.account, req.region);
    return new Promise((resolve) => {
      const fakeReq = Object.assign(new PassThrough(), { method: req.method, url: req.raw.url ?? '/', headers: req.headers });
      server.emit('request', fakeReq, new CapturedResponse(resolve));
      fakeReq.end(req.body);
    });
  }

  health(): Record<string, unknown> {
    return { engine: 'dynalite', databases: this.databases.size };
  }

  async reset(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    const servers = [...this.databases.values()];
    this.databases.clear();
    await Promise.all(servers.map(closeDatabase));
  }
}

/** Resolves once dynalite has closed its LevelDB, so the same directory can be opened again at once. */
async function closeDatabase(server: Server): Promise<void> {
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
