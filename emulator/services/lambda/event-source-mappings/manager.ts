import type { Service, ServiceContext } from '../../../core/service.js';
import type { DynamoDbStreamSource } from '../../dynamodb/index.js';
import type { LambdaInvoker } from '../invoker.js';
import { MappingPoller } from './poller.js';
import { type MappingRecord, MappingStore } from './state.js';

const STOP_WAIT_MS = 2_000;

/**
 * The event source mappings of the Lambda service: their records in the store, and one poller per
 * enabled mapping reading its DynamoDB stream. Pollers poll four times a second as AWS does (at
 * once after a full batch; a signal of new records only cuts a batching window's wait short), and
 * resume after a restart from the position saved with each mapping.
 */
export class EventSourceMappings {
  readonly mappings: MappingStore;
  private readonly pollers = new Map<string, { poller: MappingPoller; streamArn: string }>();
  private unsubscribe?: () => void;
  private closed = false;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly lambda: LambdaInvoker,
  ) {
    this.mappings = new MappingStore(ctx.store);
    // The other services are registered once every constructor has run.
    setImmediate(() => {
      if (this.closed) return;
      for (const mapping of this.mappings.all()) this.sync(mapping);
    });
  }

  /** The DynamoDB service, when it runs. */
  streams(): DynamoDbStreamSource | undefined {
    return this.ctx.services.has('dynamodb') ? this.ctx.services.get<Service & DynamoDbStreamSource>('dynamodb') : undefined;
  }

  /** Starts or stops the poller of a mapping to match its record (call after every change). */
  sync(mapping: Pick<MappingRecord, 'account' | 'region' | 'uuid'>): void {
    if (this.closed) return;
    const key = pollerKey(mapping);
    const current = this.mappings.get(mapping.account, mapping.region, mapping.uuid);
    const running = this.pollers.get(key);
    if (!current?.enabled) {
      if (running) {
        this.pollers.delete(key);
        void running.poller.stop();
      }
      return;
    }
    if (running) {
      running.streamArn = current.eventSourceArn;
      running.poller.notify();
      return;
    }
    const source = this.streams();
    if (!source) return;
    this.subscribe(source);
    const load = () => this.mappings.get(mapping.account, mapping.region, mapping.uuid);
    const poller = new MappingPoller({
      load,
      save: (changes) => {
        const latest = load();
        if (latest) this.mappings.put({ ...latest, ...changes });
      },
      read: (m, after, limit) => source.readStream(m.account, m.region, m.eventSourceArn, after, limit),
      invoke: (m, payload) => this.lambda.invoke({ account: m.account, region: m.region, functionName: m.functionArn, payload }),
    });
    this.pollers.set(key, { poller, streamArn: current.eventSourceArn });
  }

  private subscribe(source: DynamoDbStreamSource): void {
    if (this.unsubscribe) return;
    this.unsubscribe = source.onStreamRecords((account, region, arns) => {
      const prefix = `${account}/${region}/`;
      for (const [key, { poller, streamArn }] of this.pollers) if (key.startsWith(prefix) && arns.includes(streamArn)) poller.notify();
    });
  }

  /** Stops every poller (state stays in the store). */
  async stopAll(): Promise<void> {
    const running = [...this.pollers.values()];
    this.pollers.clear();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const stopped = Promise.all(running.map(({ poller }) => poller.stop()));
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stopAll();
  }
}

const pollerKey = (m: Pick<MappingRecord, 'account' | 'region' | 'uuid'>) => `${m.account}/${m.region}/${m.uuid}`;
