/**
 * CloudWatch Logs (awsJson1_1, `X-Amz-Target: Logs_20140328.*`): log groups, streams and events,
 * per account and region, kept in the store in chunks. Retention hides (and drops) expired events
 * when they are read. Also the LogWriter the Lambda service writes invocation logs through.
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

export class LogsService implements Service, LogWriter {
  readonly name = 'logs';
  private readonly handler: (req: EdgeRequest) => Promise<EdgeResponse>;

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
    return this.handler(req);
  }

  append(account: string, region: string, group: string, stream: string, events: LogEventInput[]): void {
    if (!events.length) return;
    const logs = this.logStore(account, region);
    if (!logs.group(group)) logs.putGroup({ name: group, creationTime: Date.now(), logGroupClass: 'STANDARD' });
    const target = logs.stream(group, stream) ?? logs.newStream(stream);
    const ordered = events.every((e, i) => i === 0 || e.timestamp >= events[i - 1]!.timestamp)
      ? events
      : [...events].sort((a, b) => a.timestamp - b.timestamp);
    logs.append(group, target, ordered);
  }
}
