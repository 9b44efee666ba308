import type { GetLogEventsCommandInput, GetLogEventsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { LogsOperation } from '../context.js';
import { InvalidParameterException } from '../errors.js';
import type { StoredEvent } from '../log-store.js';
import { groupFromInput, validateLimit, validateStreamName } from '../names.js';

const MAX_BYTES = 1024 * 1024;

/** A position between events: timestamp (20 digits) then sequence number (36 digits), as AWS's 56-digit tokens. */
const position = (e: StoredEvent) => String(Math.max(0, e.t)).padStart(20, '0') + String(e.s).padStart(36, '0');
const START = '0'.repeat(56);

export const GetLogEvents: LogsOperation<GetLogEventsCommandInput, GetLogEventsCommandOutput> = (input, { logs }) => {
  const groupName = groupFromInput(input);
  const streamName = validateStreamName(input.logStreamName);
  const limit = validateLimit(input.limit, 10_000);
  const token = input.nextToken === undefined ? undefined : parseToken(input.nextToken);
  const group = logs.requireGroup(groupName);
  const stream = logs.requireStream(groupName, streamName);
  const events = logs
    .events(group, stream)
    .filter((e) => (input.startTime === undefined || e.t >= input.startTime) && (input.endTime === undefined || e.t < input.endTime));

  let page: StoredEvent[];
  let anchor = START;
  if (token?.direction === 'b' || (!token && !input.startFromHead)) {
    const before = token ? events.filter((e) => position(e) < token.position) : events;
    page = takeLast(before, limit);
    if (token) anchor = token.position;
  } else {
    const after = token ? events.filter((e) => position(e) > token.position) : events;
    page = takeFirst(after, limit);
    if (token) anchor = token.position;
  }
  const first = page.length ? position(page[0]!) : anchor;
  const last = page.length ? position(page[page.length - 1]!) : anchor;
  return {
    events: page.map((e) => ({ timestamp: e.t, message: e.m, ingestionTime: e.i })),
    nextForwardToken: `f/${last}`,
    nextBackwardToken: `b/${first}`,
  };
};

function parseToken(token: string): { direction: 'f' | 'b'; position: string } {
  const m = /^([fb])\/(\d{56})$/.exec(token);
  if (!m) throw new InvalidParameterException('The specified nextToken is invalid.');
  return { direction: m[1] as 'f' | 'b', position: m[2]! };
}

function takeFirst(events: StoredEvent[], limit: number): StoredEvent[] {
  const out: StoredEvent[] = [];
  let bytes = 0;
  for (const e of events) {
    if (out.length >= limit || (out.length && bytes + e.m.length + 26 > MAX_BYTES)) break;
    out.push(e);
    bytes += e.m.length + 26;
  }
  return out;
}

function takeLast(events: StoredEvent[], limit: number): StoredEvent[] {
  return takeFirst([...events].reverse(), limit).reverse();
}
