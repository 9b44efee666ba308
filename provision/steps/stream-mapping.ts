import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  type EventSourceMappingConfiguration,
  ListEventSourceMappingsCommand,
} from '@aws-sdk/client-lambda';
import { isNamed, retry } from '../progress.js';
import { STREAM_MAPPING } from '../stack.js';
import type { Clients } from '../target.js';

/**
 * Feeds the table stream to the function (an alias ARN): creates the mapping unless one exists
 * for this stream, and deletes the function's mappings of older streams (a table created anew
 * has a new stream). Returns the mapping's UUID.
 */
export async function ensureStreamMapping(clients: Clients, functionArn: string, streamArn: string): Promise<string> {
  const existing = await mappingsOf(clients, functionArn);
  for (const stale of existing.filter((m) => m.EventSourceArn !== streamArn)) {
    await clients.lambda.send(new DeleteEventSourceMappingCommand({ UUID: stale.UUID }));
  }
  const current = existing.find((m) => m.EventSourceArn === streamArn);
  if (current) return current.UUID!;
  const created = await retry(
    `feeding ${streamArn} to ${functionArn}`,
    () =>
      clients.lambda.send(
        new CreateEventSourceMappingCommand({
          FunctionName: functionArn,
          EventSourceArn: streamArn,
          StartingPosition: STREAM_MAPPING.startingPosition,
          BatchSize: STREAM_MAPPING.batchSize,
        }),
      ),
    roleCannotReadStreamYet,
  );
  return created.UUID!;
}

/** Lambda checks that the function's role can read the stream: a role just given that right takes seconds on AWS. */
const roleCannotReadStreamYet = (err: unknown) =>
  isNamed(err, 'InvalidParameterValueException') && /cannot access stream/i.test((err as Error).message);

async function mappingsOf(clients: Clients, functionArn: string): Promise<EventSourceMappingConfiguration[]> {
  const mappings: EventSourceMappingConfiguration[] = [];
  let Marker: string | undefined;
  do {
    const page = await clients.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: functionArn, Marker }));
    mappings.push(...(page.EventSourceMappings ?? []));
    Marker = page.NextMarker;
  } while (Marker);
  return mappings;
}
