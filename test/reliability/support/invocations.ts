import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { ChatStack } from './chat-stack.js';

/** How many times each function has started an invocation, from the START lines in its CloudWatch Logs group. */
export async function invocationCounts(stack: ChatStack, functions: string[]): Promise<Record<string, number>> {
  const logs = new CloudWatchLogsClient(stack.cloud.clientConfig);
  const counts: Record<string, number> = {};
  for (const name of functions) {
    let count = 0;
    let nextToken: string | undefined;
    try {
      do {
        const page = await logs.send(
          new FilterLogEventsCommand({ logGroupName: `/aws/lambda/${name}`, filterPattern: '"START RequestId"', nextToken }),
        );
        count += page.events?.length ?? 0;
        nextToken = page.nextToken;
      } while (nextToken);
    } catch (err) {
      if ((err as Error).name !== 'ResourceNotFoundException') throw err;
    }
    counts[name] = count;
  }
  return counts;
}

/** Polls until `check` holds (log lines arrive shortly after the answer); gives up after `attempts` tries. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, attempts = 100): Promise<T> {
  let value = await read();
  for (let i = 0; i < attempts && !check(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
