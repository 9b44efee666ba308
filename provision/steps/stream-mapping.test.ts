import { CreateEventSourceMappingCommand, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import type { Clients } from '../target.js';
import { ensureStreamMapping } from './stream-mapping.js';

const FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:Chat-Messages-Stream:live';
const STREAM = 'arn:aws:dynamodb:us-east-1:123456789012:table/Chat-Messages/stream/2026-11-26T00:00:00.000';

/** A Lambda client that answers from a script: each call gets the next answer for its command. */
function scriptedLambda(answers: Record<string, Array<object | Error>>): { clients: Clients; calls: string[] } {
  const calls: string[] = [];
  const send = async (command: object) => {
    const name = command.constructor.name;
    calls.push(name);
    const answer = answers[name]?.shift();
    if (answer instanceof Error) throw answer;
    return answer ?? {};
  };
  return { clients: { lambda: { send } } as unknown as Clients, calls };
}

describe('ensureStreamMapping', () => {
  it('retries while the role cannot read the stream yet, as a fresh role on AWS', { timeout: 10_000 }, async () => {
    const notYet = Object.assign(
      new Error(
        `Cannot access stream ${STREAM}. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream in IAM.`,
      ),
      { name: 'InvalidParameterValueException' },
    );
    const { clients, calls } = scriptedLambda({
      [ListEventSourceMappingsCommand.name]: [{ EventSourceMappings: [] }],
      [CreateEventSourceMappingCommand.name]: [notYet, { UUID: 'mapping-1' }],
    });
    expect(await ensureStreamMapping(clients, FUNCTION, STREAM)).toBe('mapping-1');
    expect(calls.filter((c) => c === CreateEventSourceMappingCommand.name)).toHaveLength(2);
  });

  it('keeps the mapping of this stream and removes those of older streams', async () => {
    const { clients, calls } = scriptedLambda({
      [ListEventSourceMappingsCommand.name]: [
        {
          EventSourceMappings: [
            { UUID: 'old', EventSourceArn: `${STREAM}-old` },
            { UUID: 'current', EventSourceArn: STREAM },
          ],
        },
      ],
    });
    expect(await ensureStreamMapping(clients, FUNCTION, STREAM)).toBe('current');
    expect(calls).toEqual(['ListEventSourceMappingsCommand', 'DeleteEventSourceMappingCommand']);
  });
});
