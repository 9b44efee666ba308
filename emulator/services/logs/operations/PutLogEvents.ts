import type { PutLogEventsCommandInput, PutLogEventsCommandOutput, RejectedLogEventsInfo } from '@aws-sdk/client-cloudwatch-logs';
import type { LogsOperation } from '../context.js';
import { InvalidParameterException, invalidMember } from '../errors.js';
import { retentionCutoff } from '../log-store.js';
import { validateGroupName, validateStreamName } from '../names.js';
import { sequenceToken } from './DescribeLogStreams.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Sequence tokens are accepted and ignored, as AWS has done since 2023. */
export const PutLogEvents: LogsOperation<PutLogEventsCommandInput, PutLogEventsCommandOutput> = (input, { logs }) => {
  const groupName = validateGroupName(input.logGroupName);
  const streamName = validateStreamName(input.logStreamName);
  const events = input.logEvents;
  if (!Array.isArray(events)) throw invalidMember('logEvents', undefined, 'Member must not be null');
  if (events.length < 1) throw invalidMember('logEvents', '[]', 'Member must have length greater than or equal to 1');
  if (events.length > 10_000)
    throw invalidMember('logEvents', `${events.length} events`, 'Member must have length less than or equal to 10000');
  events.forEach((event, i) => {
    if (typeof event?.timestamp !== 'number')
      throw invalidMember(`logEvents.${i + 1}.member.timestamp`, undefined, 'Member must not be null');
    if (typeof event.message !== 'string') throw invalidMember(`logEvents.${i + 1}.member.message`, undefined, 'Member must not be null');
    if (event.message.length < 1)
      throw invalidMember(`logEvents.${i + 1}.member.message`, '', 'Member must have length greater than or equal to 1');
  });
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.timestamp! < events[i - 1]!.timestamp!) {
      throw new InvalidParameterException('Log events in a single PutLogEvents request must be in chronological order.');
    }
  }
  if (events[events.length - 1]!.timestamp! - events[0]!.timestamp! > DAY_MS) {
    throw new InvalidParameterException('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
  }
  const group = logs.requireGroup(groupName);
  const stream = logs.requireStream(groupName, streamName);

  const now = Date.now();
  const tooOld = now - 14 * DAY_MS;
  const expired = retentionCutoff(group, now);
  const tooNew = now + 2 * HOUR_MS;
  const rejected: RejectedLogEventsInfo = {};
  const accepted: Array<{ timestamp: number; message: string }> = [];
  events.forEach((event, i) => {
    const timestamp = event.timestamp!;
    if (timestamp > tooNew) rejected.tooNewLogEventStartIndex ??= i;
    else if (timestamp < expired) rejected.expiredLogEventEndIndex = i;
    else if (timestamp < tooOld) rejected.tooOldLogEventEndIndex = i;
    else accepted.push({ timestamp, message: event.message! });
  });
  logs.append(groupName, stream, accepted, now);
  return {
    nextSequenceToken: sequenceToken(stream),
    ...(Object.keys(rejected).length ? { rejectedLogEventsInfo: rejected } : {}),
  };
};
