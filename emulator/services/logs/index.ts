/**
 * CloudWatch Logs (awsJson1_1, `X-Amz-Target: Logs_20140328.*`): log groups, streams and events,
 * per account and region, kept in the store in chunks. Retention hides (and drops) expired events
 * when they are read. Also the LogWriter the Lambda service writes invocation logs through: those
 * events are kept in memory and written to the store together at most every 200 ms (one write per
 * stream instead of one per invocation); every request to the service writes them first, so reads
 * always see them. A kill -9 can lose the last 200 ms of function logs, which no caller was told
 * were stored (AWS delivers function logs seconds late too).
 *
 * Not yet: JSON and space-delimited filter patterns, metric filters, subscription filters,
 * Logs Insights queries, live tail, export tasks, KMS association, tags operations
 * (tags given to CreateLogGroup are kept), data protection, deliveries, anomaly detection,
 * resource and account policies.
 */

import type { EdgeRequest, EdgeResponse } from '../../core/http.js';
import type { Service, ServiceContext } from '../../core/service.js';
import { awsJsonHandler, operationContext } from '../../protocols/aws-json.js';
import type { LogsContext } from './context.js';
import { LogStore } from './log-store.js';
import type { LogEventInput, LogWriter } from './log-writer.js';
import { OPERATIONS } from './operations/index.js';

/** How long function log events wait in memory before they are written together. */
const FLUSH_MS = 200;

interface PendingStream {
  account: string;
  region: string;
  group: string;
  stream: string;
  events: LogEventInput[];
}

export class LogsService implements Service, LogWriter {
  readonly name = 'logs';
  private readonly handler: (req: EdgeRequest) => Promise<EdgeResponse>;
  private readonly pending = new Map<string, PendingStream>();
  private flushTimer: NodeJS.Timeout | undefined;
  /** Once closed, events are written as they come (a service closing after this one may still log). */
  private closed = false;

  constructor(private readonly ctx: ServiceContext) {
    this.handler = awsJsonHandler<LogsContext>({
      serviceName: 'CloudWatch Logs',
      contentType: 'application/x-amz-json-1.1',
      operations: OPERATIONS,
      context: (req) => ({ ...operationContext(req), logs: this.logStore(req.account, req.region) }),
    });
  }

  private logStore(account: string, region: string): LogStore {
    return new LogStore(this.ctx.store, account, region);
  }

  handle(req: EdgeRequest): Promise<EdgeResponse> {
    this.flush();
    return this.handler(req);
  }

  append(account: string, region: string, group: string, stream: string, events: LogEventInput[]): void {
    if (!events.length) return;
    const key = JSON.stringify([account, region, group, stream]);
    const pending = this.pending.get(key);
    if (pending) pending.events.push(...events);
    else this.pending.set(key, { account, region, group, stream, events: [...events] });
    if (this.closed) this.flush();
    else this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS).unref();
  }

  /** Writes the events waiting in memory to the store. */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batches = [...this.pending.values()];
    this.pending.clear();
    for (const { account, region, group, stream, events } of batches) {
      try {
        this.write(account, region, group, stream, events);
      } catch (err) {
        console.error(`[logs] could not write events to ${group}:`, err);
      }
    }
  }

  async reset(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pending.clear();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.flush();
  }

  private write(account: string, region: string, group: string, stream: string, events: LogEventInput[]): void {
    const logs = this.logStore(account, region);
    if (!logs.group(group)) logs.putGroup({ name: group, creationTime: Date.now(), logGroupClass: 'STANDARD' });
    const target = logs.stream(group, stream) ?? logs.newStream(stream);
    const ordered = events.every((e, i) => i === 0 || e.timestamp >= events[i - 1]!.timestamp)
      ? events
      : [...events].sort((a, b) => a.timestamp - b.timestamp);
    logs.append(group, target, ordered);
  }
}
