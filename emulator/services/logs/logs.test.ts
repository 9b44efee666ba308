import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  InvalidParameterException,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';

const DAY = 24 * 60 * 60 * 1000;

describe('CloudWatch Logs', () => {
  let cloud: TestCloud;
  let logs: CloudWatchLogsClient;
  beforeAll(async () => {
    cloud = await startTestCloud({ persist: true });
    logs = new CloudWatchLogsClient(cloud.clientConfig);
  });
  afterAll(async () => cloud.close());

  it('creates, describes with a prefix and pages through, and deletes log groups', async () => {
    for (const name of ['/app/a', '/app/b', '/app/c', '/other/x']) await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    await expect(logs.send(new CreateLogGroupCommand({ logGroupName: '/app/a' }))).rejects.toMatchObject({
      name: 'ResourceAlreadyExistsException',
      message: 'The specified log group already exists',
    });
    await expect(logs.send(new CreateLogGroupCommand({ logGroupName: 'bad name' }))).rejects.toBeInstanceOf(InvalidParameterException);

    const first = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/app/', limit: 2 }));
    expect(first.logGroups?.map((g) => g.logGroupName)).toEqual(['/app/a', '/app/b']);
    expect(first.logGroups?.[0]).toMatchObject({
      arn: 'arn:aws:logs:us-east-1:000000000000:log-group:/app/a:*',
      logGroupArn: 'arn:aws:logs:us-east-1:000000000000:log-group:/app/a',
      logGroupClass: 'STANDARD',
      metricFilterCount: 0,
    });
    expect(first.nextToken).toBeTruthy();
    const second = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/app/', limit: 2, nextToken: first.nextToken }));
    expect(second.logGroups?.map((g) => g.logGroupName)).toEqual(['/app/c']);
    expect(second.nextToken).toBeUndefined();

    await logs.send(new DeleteLogGroupCommand({ logGroupName: '/app/c' }));
    await expect(logs.send(new DeleteLogGroupCommand({ logGroupName: '/app/c' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
  });

  it('puts and reads events forwards and backwards with tokens', async () => {
    const group = '/test/events';
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 's1' }));
    await expect(logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 's1' }))).rejects.toBeInstanceOf(
      ResourceAlreadyExistsException,
    );
    await expect(
      logs.send(
        new PutLogEventsCommand({ logGroupName: group, logStreamName: 'missing', logEvents: [{ timestamp: Date.now(), message: 'x' }] }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'The specified log stream does not exist.' });

    const now = Date.now();
    const put = await logs.send(
      new PutLogEventsCommand({
        logGroupName: group,
        logStreamName: 's1',
        logEvents: Array.from({ length: 5 }, (_, i) => ({ timestamp: now - 5000 + i * 1000, message: `line ${i}` })),
      }),
    );
    expect(put.nextSequenceToken).toMatch(/^\d{56}$/);
    await expect(
      logs.send(
        new PutLogEventsCommand({
          logGroupName: group,
          logStreamName: 's1',
          logEvents: [
            { timestamp: now, message: 'b' },
            { timestamp: now - 1, message: 'a' },
          ],
        }),
      ),
    ).rejects.toMatchObject({ message: 'Log events in a single PutLogEvents request must be in chronological order.' });

    const head = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 's1', startFromHead: true, limit: 2 }));
    expect(head.events?.map((e) => e.message)).toEqual(['line 0', 'line 1']);
    const next = await logs.send(
      new GetLogEventsCommand({
        logGroupName: group,
        logStreamName: 's1',
        startFromHead: true,
        limit: 2,
        nextToken: head.nextForwardToken,
      }),
    );
    expect(next.events?.map((e) => e.message)).toEqual(['line 2', 'line 3']);
    const tail = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 's1', limit: 2 }));
    expect(tail.events?.map((e) => e.message)).toEqual(['line 3', 'line 4']);
    const back = await logs.send(
      new GetLogEventsCommand({ logGroupName: group, logStreamName: 's1', limit: 2, nextToken: tail.nextBackwardToken }),
    );
    expect(back.events?.map((e) => e.message)).toEqual(['line 1', 'line 2']);

    // Reading forward to the end returns the same token, which is how clients know they are done.
    let token = head.nextForwardToken;
    let seen = 0;
    for (;;) {
      const page = await logs.send(
        new GetLogEventsCommand({ logGroupName: group, logStreamName: 's1', startFromHead: true, nextToken: token }),
      );
      seen += page.events?.length ?? 0;
      if (page.nextForwardToken === token) break;
      token = page.nextForwardToken;
    }
    expect(seen).toBe(3);
  });

  it('orders streams by last event time and filters events with text patterns', async () => {
    const group = '/test/filter';
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    const now = Date.now();
    for (const [stream, offset, messages] of [
      ['older', 3000, ['ERROR disk full', 'INFO started']],
      ['newer', 1000, ['WARN slow request', 'ERROR timeout talking to "db"', 'INFO done']],
    ] as const) {
      await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
      await logs.send(
        new PutLogEventsCommand({
          logGroupName: group,
          logStreamName: stream,
          logEvents: messages.map((message, i) => ({ timestamp: now - offset + i * 10, message })),
        }),
      );
    }
    const described = await logs.send(new DescribeLogStreamsCommand({ logGroupName: group, orderBy: 'LastEventTime', descending: true }));
    expect(described.logStreams?.map((s) => s.logStreamName)).toEqual(['newer', 'older']);
    expect(described.logStreams?.[0]?.arn).toBe('arn:aws:logs:us-east-1:000000000000:log-group:/test/filter:log-stream:newer');
    await expect(
      logs.send(new DescribeLogStreamsCommand({ logGroupName: group, orderBy: 'LastEventTime', logStreamNamePrefix: 'n' })),
    ).rejects.toBeInstanceOf(InvalidParameterException);

    const filter = async (filterPattern: string, extra: Partial<ConstructorParameters<typeof FilterLogEventsCommand>[0]> = {}) =>
      (await logs.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern, ...extra }))).events?.map((e) => e.message);
    expect(await filter('ERROR')).toEqual(['ERROR disk full', 'ERROR timeout talking to "db"']);
    expect(await filter('?WARN ?disk')).toEqual(['ERROR disk full', 'WARN slow request']);
    expect(await filter('"slow request"')).toEqual(['WARN slow request']);
    expect(await filter('ERROR -disk')).toEqual(['ERROR timeout talking to "db"']);
    expect(await filter('error')).toEqual([]);
    expect(await filter('', { logStreamNames: ['older'] })).toEqual(['ERROR disk full', 'INFO started']);
    expect(await filter('INFO', { startTime: now - 2000 })).toEqual(['INFO done']);

    const paged = await logs.send(new FilterLogEventsCommand({ logGroupName: group, limit: 2 }));
    expect(paged.events).toHaveLength(2);
    expect(paged.events?.[0]).toMatchObject({ logStreamName: 'older', eventId: expect.stringMatching(/^\d{56}$/) });
    const rest = await logs.send(new FilterLogEventsCommand({ logGroupName: group, nextToken: paged.nextToken }));
    expect(rest.events?.map((e) => e.message)).toEqual(['WARN slow request', 'ERROR timeout talking to "db"', 'INFO done']);
    expect(rest.nextToken).toBeUndefined();
    await expect(logs.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern: '{ $.level = "x" }' }))).rejects.toBeInstanceOf(
      InvalidParameterException,
    );
  });

  it('expires events older than the retention when they are read', async () => {
    const group = '/test/retention';
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 's' }));
    const now = Date.now();
    for (const [timestamp, message] of [
      [now - 5 * DAY, 'five days old'],
      [now, 'fresh'],
    ] as const) {
      await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: 's', logEvents: [{ timestamp, message }] }));
    }
    const all = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 's', startFromHead: true }));
    expect(all.events?.map((e) => e.message)).toEqual(['five days old', 'fresh']);

    await expect(logs.send(new PutRetentionPolicyCommand({ logGroupName: group, retentionInDays: 4 }))).rejects.toBeInstanceOf(
      InvalidParameterException,
    );
    await logs.send(new PutRetentionPolicyCommand({ logGroupName: group, retentionInDays: 3 }));
    const kept = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: 's', startFromHead: true }));
    expect(kept.events?.map((e) => e.message)).toEqual(['fresh']);
    const filtered = await logs.send(new FilterLogEventsCommand({ logGroupName: group }));
    expect(filtered.events?.map((e) => e.message)).toEqual(['fresh']);
    const described = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: group }));
    expect(described.logGroups?.[0]?.retentionInDays).toBe(3);

    const rejected = await logs.send(
      new PutLogEventsCommand({ logGroupName: group, logStreamName: 's', logEvents: [{ timestamp: now - 4 * DAY, message: 'too old' }] }),
    );
    expect(rejected.rejectedLogEventsInfo).toEqual({ expiredLogEventEndIndex: 0 });
  });

  it('answers unknown groups and streams with ResourceNotFoundException', async () => {
    await expect(logs.send(new DescribeLogStreamsCommand({ logGroupName: '/nope' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(logs.send(new GetLogEventsCommand({ logGroupName: '/test/events', logStreamName: 'nope' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The specified log stream does not exist.',
    });
  });
});
