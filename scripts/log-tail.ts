import { type CloudWatchLogsClient, type FilteredLogEvent, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';

export interface TailOptions {
  /** Epoch ms of the oldest event to show. */
  since: number;
  follow: boolean;
  /** Pause between polls when following. */
  pollMs?: number;
  print: (line: string) => void;
  /** Stops following. */
  signal?: AbortSignal;
}

/** One event as `aws logs tail` prints it: time, stream, message. */
export function formatEvent(event: FilteredLogEvent): string {
  const time = new Date(event.timestamp ?? 0).toISOString();
  return `${time} ${event.logStreamName ?? ''} ${(event.message ?? '').replace(/\n$/, '')}`;
}

/** Events of the group from `since`, all pages; an absent group reads as no events. */
async function eventsSince(
  client: CloudWatchLogsClient,
  logGroupName: string,
  startTime: number,
): Promise<FilteredLogEvent[] | 'no-group'> {
  const events: FilteredLogEvent[] = [];
  let nextToken: string | undefined;
  do {
    try {
      const page = await client.send(new FilterLogEventsCommand({ logGroupName, startTime, nextToken }));
      events.push(...(page.events ?? []));
      nextToken = page.nextToken;
    } catch (err) {
      if ((err as Error).name === 'ResourceNotFoundException') return 'no-group';
      throw err;
    }
  } while (nextToken);
  return events.sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0));
}

/** Prints a log group's events since `since`, then (with `follow`) new ones as they arrive. */
export async function tailLogGroup(client: CloudWatchLogsClient, logGroupName: string, options: TailOptions): Promise<void> {
  let from = options.since;
  const seen = new Set<string>();
  let warned = false;
  for (;;) {
    const events = await eventsSince(client, logGroupName, from);
    if (events === 'no-group') {
      if (!warned) options.print(`(no log group ${logGroupName} yet: it appears with the function's first invocation)`);
      warned = true;
    } else {
      for (const event of events) {
        const id = event.eventId ?? `${event.timestamp}/${event.logStreamName}/${event.message}`;
        if (seen.has(id)) continue;
        seen.add(id);
        options.print(formatEvent(event));
      }
      const newest = events.at(-1)?.timestamp;
      if (newest !== undefined && newest > from) {
        // Keep only the ids at the newest instant: the next poll starts there.
        from = newest;
        for (const event of events) if ((event.timestamp ?? 0) < newest) seen.delete(event.eventId ?? '');
      }
    }
    if (!options.follow || options.signal?.aborted) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.pollMs ?? 1000);
      options.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (options.signal?.aborted) return;
  }
}

/** `10m`, `2h`, `1d`, `30s` → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+)([smhd])$/.exec(text);
  if (!m) throw new Error(`"${text}" is not a duration such as 30s, 10m, 2h or 1d.`);
  return Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
}
