import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDuration, tailLogGroup } from '../scripts/log-tail.js';
import { startTestCloud, type TestCloud } from './local-cloud.js';

describe('npm run logs', () => {
  let cloud: TestCloud;
  let logs: CloudWatchLogsClient;
  beforeAll(async () => {
    cloud = await startTestCloud();
    logs = new CloudWatchLogsClient(cloud.clientConfig);
  });
  afterAll(async () => cloud.close());

  const put = (message: string, timestamp: number) =>
    logs.send(new PutLogEventsCommand({ logGroupName: '/aws/lambda/tail-fn', logStreamName: 's1', logEvents: [{ message, timestamp }] }));

  it('prints recent events, then follows new ones until stopped', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/aws/lambda/tail-fn' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/aws/lambda/tail-fn', logStreamName: 's1' }));
    const now = Date.now();
    await put('too old\n', now - 3_600_000);
    await put('START RequestId: 1\n', now - 1000);
    const lines: string[] = [];
    const stop = new AbortController();
    const following = tailLogGroup(logs, '/aws/lambda/tail-fn', {
      since: now - 600_000,
      follow: true,
      pollMs: 20,
      signal: stop.signal,
      print: (line) => {
        lines.push(line);
        if (line.endsWith('second')) stop.abort();
      },
    });
    while (lines.length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    await put('second', Date.now());
    await following;
    expect(lines).toEqual([`${new Date(now - 1000).toISOString()} s1 START RequestId: 1`, expect.stringMatching(/ s1 second$/)]);
  });

  it('says when the group does not exist yet', async () => {
    const lines: string[] = [];
    await tailLogGroup(logs, '/aws/lambda/never-invoked', { since: 0, follow: false, print: (line) => lines.push(line) });
    expect(lines).toEqual(["(no log group /aws/lambda/never-invoked yet: it appears with the function's first invocation)"]);
  });

  it('reads durations', () => {
    expect(parseDuration('10m')).toBe(600_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(() => parseDuration('soon')).toThrow('not a duration');
  });
});
