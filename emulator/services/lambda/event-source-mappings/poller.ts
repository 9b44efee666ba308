import type { StreamRecordData } from '../../dynamodb/index.js';
import { dynamoDbEvent, succeededPrefix } from './dynamodb-event.js';
import type { MappingRecord } from './state.js';

/** What a poller needs from its surroundings. */
export interface PollerDeps {
  /** The mapping as currently stored (undefined once deleted). */
  load(): MappingRecord | undefined;
  save(changes: Partial<MappingRecord>): void;
  read(mapping: MappingRecord, after: string | undefined, limit: number): Promise<StreamRecordData[]>;
  /** Runs the function; resolves to its answer, or rejects / reports a function error. */
  invoke(mapping: MappingRecord, payload: Buffer): Promise<{ payload: Buffer; functionError?: string }>;
}

/**
 * AWS polls a stream's shard four times a second: once a poll finds the stream caught up (no
 * records, or fewer than a batch), the next one comes this long after it, whatever is written
 * in between; only a full batch is followed by the next poll at once.
 */
export const IDLE_POLL_MS = 250;
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

/**
 * Reads one mapping's stream in order and hands each batch to the function, one batch at a time.
 * A failing batch is retried (with backoff) until it succeeds or MaximumRetryAttempts is spent;
 * the position after each batch is saved with the mapping, so a restart resumes where it stopped.
 */
export class MappingPoller {
  private stopped = false;
  private wake?: () => void;
  private pendingSignal = false;
  readonly done: Promise<void>;

  constructor(private readonly deps: PollerDeps) {
    this.done = this.run().catch((err) => console.error('[lambda] event source mapping poller stopped:', err));
  }

  /** New records may be there. */
  notify(): void {
    this.pendingSignal = true;
    this.wake?.();
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    return this.done;
  }

  private sleep(ms: number, wakeOnSignal: boolean): Promise<void> {
    if (wakeOnSignal && this.pendingSignal) {
      this.pendingSignal = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        if (wakeOnSignal || this.stopped) done();
      };
    }).then(() => {
      this.wake = undefined;
      if (wakeOnSignal) this.pendingSignal = false;
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    let windowOpenedAt: number | undefined;
    /** When the next poll may read the stream (epoch ms). */
    let nextPollAt = 0;
    while (!this.stopped) {
      const wait = nextPollAt - Date.now();
      if (wait > 0) {
        await this.sleep(wait, false);
        if (this.stopped) return;
      }
      const mapping = this.deps.load();
      if (!mapping?.enabled) return;
      const polledAt = Date.now();
      let records: StreamRecordData[];
      try {
        records = await this.deps.read(mapping, mapping.checkpoint, mapping.batchSize);
      } catch (err) {
        if (this.stopped) return;
        console.error(`[lambda] event source mapping ${mapping.uuid} could not read ${mapping.eventSourceArn}: ${(err as Error).message}`);
        await this.sleep(MAX_RETRY_MS, false);
        continue;
      }
      if (this.stopped) return;
      if (!records.length) {
        nextPollAt = polledAt + IDLE_POLL_MS;
        continue;
      }
      const windowMs = mapping.maximumBatchingWindowInSeconds * 1000;
      if (records.length < mapping.batchSize && windowMs > 0) {
        windowOpenedAt ??= Date.now();
        const remaining = windowOpenedAt + windowMs - Date.now();
        if (remaining > 0) {
          await this.sleep(Math.min(remaining, IDLE_POLL_MS), true);
          continue;
        }
      }
      windowOpenedAt = undefined;

      if (mapping.maximumRecordAgeInSeconds >= 0) {
        const oldest = Date.now() / 1000 - mapping.maximumRecordAgeInSeconds;
        const fresh = records.findIndex((r) => r.dynamodb.ApproximateCreationDateTime >= oldest);
        if (fresh !== 0) {
          const skipped = fresh < 0 ? records : records.slice(0, fresh);
          this.deps.save({ checkpoint: skipped.at(-1)!.dynamodb.SequenceNumber, lastProcessingResult: 'PROBLEM: Records expired' });
          failures = 0;
          continue;
        }
      }

      const processed = await this.process(mapping, records);
      if (this.stopped || !this.deps.load()) return;
      if (processed === records.length) {
        failures = 0;
        this.deps.save({ checkpoint: records.at(-1)!.dynamodb.SequenceNumber, lastProcessingResult: 'OK' });
        if (records.length < mapping.batchSize) nextPollAt = polledAt + IDLE_POLL_MS;
        continue;
      }
      if (processed > 0) {
        // Partial success: what succeeded is done; the rest is retried from its first failed record.
        this.deps.save({ checkpoint: records[processed - 1]!.dynamodb.SequenceNumber });
        records = records.slice(processed);
      }
      failures++;
      if (mapping.maximumRetryAttempts >= 0 && failures > mapping.maximumRetryAttempts) {
        // Retries spent: the batch is discarded (no on-failure destination is emulated).
        this.deps.save({ checkpoint: records.at(-1)!.dynamodb.SequenceNumber, lastProcessingResult: 'PROBLEM: Function call failed' });
        failures = 0;
        continue;
      }
      this.deps.save({ lastProcessingResult: 'PROBLEM: Function call failed' });
      await this.sleep(Math.min(FIRST_RETRY_MS * 2 ** (failures - 1), MAX_RETRY_MS), false);
    }
  }

  /** How many records of the batch, from its start, the function processed. */
  private async process(mapping: MappingRecord, records: StreamRecordData[]): Promise<number> {
    const payload = Buffer.from(JSON.stringify(dynamoDbEvent(records, mapping.eventSourceArn)));
    try {
      const result = await this.deps.invoke(mapping, payload);
      if (result.functionError) return 0;
      return mapping.functionResponseTypes.includes('ReportBatchItemFailures') ? succeededPrefix(result.payload, records) : records.length;
    } catch (err) {
      console.error(`[lambda] event source mapping ${mapping.uuid} could not invoke ${mapping.functionArn}: ${(err as Error).message}`);
      return 0;
    }
  }
}
