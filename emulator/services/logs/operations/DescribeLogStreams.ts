import type { DescribeLogStreamsCommandInput, DescribeLogStreamsCommandOutput, LogStream } from '@aws-sdk/client-cloudwatch-logs';
import type { LogsOperation } from '../context.js';
import { InvalidParameterException, invalidMember } from '../errors.js';
import type { StoredStream } from '../log-store.js';
import { groupFromInput, streamArn, validateLimit } from '../names.js';
import { decodeToken, encodeToken } from '../tokens.js';

export const DescribeLogStreams: LogsOperation<DescribeLogStreamsCommandInput, DescribeLogStreamsCommandOutput> = (input, ctx) => {
  const groupName = groupFromInput(input);
  const limit = validateLimit(input.limit, 50);
  const orderBy = input.orderBy ?? 'LogStreamName';
  if (orderBy !== 'LogStreamName' && orderBy !== 'LastEventTime') {
    throw invalidMember('orderBy', orderBy, 'Member must satisfy enum value set: [LogStreamName, LastEventTime]');
  }
  if (orderBy === 'LastEventTime' && input.logStreamNamePrefix) {
    throw new InvalidParameterException('Cannot order by LastEventTime with a logStreamNamePrefix.');
  }
  ctx.logs.requireGroup(groupName);
  const prefix = input.logStreamNamePrefix ?? '';
  const streams = ctx.logs.streams(groupName).filter((s) => s.name.startsWith(prefix));
  if (orderBy === 'LastEventTime') {
    streams.sort((a, b) => (a.lastEventTimestamp ?? 0) - (b.lastEventTimestamp ?? 0) || (a.name < b.name ? -1 : 1));
  }
  if (input.descending) streams.reverse();
  const offset = input.nextToken ? decodeToken(input.nextToken, (v): v is number => Number.isInteger(v) && (v as number) >= 0) : 0;
  const page = streams.slice(offset, offset + limit);
  return {
    logStreams: page.map((s) => describeStream(s, ctx.region, ctx.account, groupName)),
    ...(offset + limit < streams.length ? { nextToken: encodeToken(offset + limit) } : {}),
  };
};

export function describeStream(stream: StoredStream, region: string, account: string, group: string): LogStream {
  return {
    logStreamName: stream.name,
    creationTime: stream.creationTime,
    ...(stream.firstEventTimestamp !== undefined
      ? {
          firstEventTimestamp: stream.firstEventTimestamp,
          lastEventTimestamp: stream.lastEventTimestamp,
          lastIngestionTime: stream.lastIngestionTime,
        }
      : {}),
    uploadSequenceToken: sequenceToken(stream),
    arn: streamArn(region, account, group, stream.name),
    storedBytes: 0,
  };
}

export function sequenceToken(stream: StoredStream): string {
  return String(stream.nextSeq).padStart(56, '0');
}
