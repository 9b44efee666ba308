import type { FilteredLogEvent, FilterLogEventsCommandInput, FilterLogEventsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { LogsOperation } from '../context.js';
import { InvalidParameterException, invalidMember } from '../errors.js';
import { compileFilterPattern } from '../filter-pattern.js';
import { groupFromInput, validateLimit } from '../names.js';
import { decodeToken, encodeToken } from '../tokens.js';

type Cursor = [number, string, number];
const isCursor = (v: unknown): v is Cursor =>
  Array.isArray(v) && v.length === 3 && typeof v[0] === 'number' && typeof v[1] === 'string' && typeof v[2] === 'number';

interface Match {
  stream: string;
  streamIndex: number;
  t: number;
  s: number;
  m: string;
  i: number;
}

const MAX_BYTES = 1024 * 1024;

/** Events of all (or the chosen) streams, interleaved by timestamp, as AWS does. */
export const FilterLogEvents: LogsOperation<FilterLogEventsCommandInput, FilterLogEventsCommandOutput> = (input, { logs }) => {
  const groupName = groupFromInput(input);
  const limit = validateLimit(input.limit, 10_000);
  if (input.logStreamNames && input.logStreamNamePrefix !== undefined) {
    throw new InvalidParameterException('Cannot specify both logStreamNames and logStreamNamePrefix.');
  }
  if (input.logStreamNames && (input.logStreamNames.length < 1 || input.logStreamNames.length > 100)) {
    throw invalidMember(
      'logStreamNames',
      `[${input.logStreamNames.join(', ')}]`,
      `Member must have length ${input.logStreamNames.length ? 'less than or equal to 100' : 'greater than or equal to 1'}`,
    );
  }
  const matches = compileFilterPattern(input.filterPattern);
  const cursor = input.nextToken ? decodeToken(input.nextToken, isCursor) : undefined;
  const group = logs.requireGroup(groupName);
  const wanted = input.logStreamNames ? new Set(input.logStreamNames) : undefined;
  const prefix = input.logStreamNamePrefix ?? '';
  const streams = logs.streams(groupName).filter((s) => (wanted ? wanted.has(s.name) : s.name.startsWith(prefix)));

  const found: Match[] = [];
  streams.forEach((stream, streamIndex) => {
    for (const e of logs.events(group, stream)) {
      if (input.startTime !== undefined && e.t < input.startTime) continue;
      if (input.endTime !== undefined && e.t > input.endTime) continue;
      if (cursor && compare([e.t, stream.name, e.s], cursor) <= 0) continue;
      if (!matches(e.m)) continue;
      found.push({ stream: stream.name, streamIndex, t: e.t, s: e.s, m: e.m, i: e.i });
    }
  });
  found.sort((a, b) => compare([a.t, a.stream, a.s], [b.t, b.stream, b.s]));

  const page: FilteredLogEvent[] = [];
  let bytes = 0;
  let last: Match | undefined;
  for (const match of found) {
    if (page.length >= limit || (page.length && bytes + match.m.length > MAX_BYTES)) break;
    page.push({
      logStreamName: match.stream,
      timestamp: match.t,
      message: match.m,
      ingestionTime: match.i,
      eventId: eventId(match),
    });
    bytes += match.m.length;
    last = match;
  }
  return {
    events: page,
    searchedLogStreams: [],
    ...(last && page.length < found.length ? { nextToken: encodeToken([last.t, last.stream, last.s] satisfies Cursor) } : {}),
  };
};

function compare(a: Cursor, b: Cursor): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || a[2] - b[2];
}

/** 56 digits like AWS's event ids: timestamp, stream, sequence. */
function eventId(m: Match): string {
  return String(Math.max(0, m.t)).padStart(20, '0') + String(m.streamIndex % 1e12).padStart(12, '0') + String(m.s).padStart(24, '0');
}
