import { Collection, type Store } from '../../core/store.js';
import type { KeySchemaElement } from './dynalite.js';

export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';
export const STREAM_VIEW_TYPES: StreamViewType[] = ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'];

/** One stream of a table; it outlives its table and stays readable (24 h of records) once disabled. */
export interface StreamDescriptor {
  StreamArn: string;
  StreamLabel: string;
  TableName: string;
  StreamViewType: StreamViewType;
  StreamStatus: 'ENABLED' | 'DISABLED';
  /** Epoch ms. */
  CreationRequestDateTime: number;
  KeySchema: KeySchemaElement[];
  ShardId: string;
  StartingSequenceNumber: string;
  /** Set once the stream is disabled: no record after this one (the shard is closed). */
  EndingSequenceNumber?: string;
  /** Epoch ms; a stream disabled for 24 h is gone. */
  DisabledAt?: number;
  /** Records up to this sequence number were trimmed (older than 24 h). */
  TrimmedThrough?: string;
}

/** What DynamoDB adds to a table beyond dynalite's description: its stream and its time to live. */
export interface TableSettings {
  /** The enabled stream, if any. */
  stream?: { arn: string; label: string; viewType: StreamViewType };
  /** The most recent stream, enabled or not (LatestStreamArn survives a disable). */
  latestStream?: { arn: string; label: string };
  ttl?: { attributeName: string };
}

/**
 * Table settings and stream descriptors of one account and region, kept in the Store and mirrored
 * in memory (the write path asks on every write whether a table has a stream).
 */
export class SettingsStore {
  private readonly tables: Collection<TableSettings>;
  private readonly streams: Collection<StreamDescriptor>;
  private readonly cache = new Map<string, TableSettings>();
  private streamCache?: Map<string, StreamDescriptor>;

  constructor(store: Store, account: string, region: string) {
    this.tables = new Collection(store, `dynamodb/${account}/${region}/tables`);
    this.streams = new Collection(store, `dynamodb/${account}/${region}/streams`);
    for (const name of this.tables.ids()) this.cache.set(name, this.tables.get(name)!);
  }

  table(name: string): TableSettings | undefined {
    return this.cache.get(name);
  }

  tablesWithTtl(): Array<[string, { attributeName: string }]> {
    const out: Array<[string, { attributeName: string }]> = [];
    for (const [name, settings] of this.cache) if (settings.ttl) out.push([name, settings.ttl]);
    return out;
  }

  putTable(name: string, settings: TableSettings): void {
    this.tables.put(name, settings);
    this.cache.set(name, settings);
  }

  deleteTable(name: string): void {
    this.tables.delete(name);
    this.cache.delete(name);
  }

  private streamMap(): Map<string, StreamDescriptor> {
    if (!this.streamCache) {
      this.streamCache = new Map();
      for (const stream of this.streams.list()) this.streamCache.set(stream.StreamArn, stream);
    }
    return this.streamCache;
  }

  stream(arn: string): StreamDescriptor | undefined {
    return this.streamMap().get(arn);
  }

  allStreams(): StreamDescriptor[] {
    return [...this.streamMap().values()].sort((a, b) => (a.StreamArn < b.StreamArn ? -1 : a.StreamArn > b.StreamArn ? 1 : 0));
  }

  putStream(stream: StreamDescriptor): void {
    this.streams.put(streamId(stream), stream);
    this.streamMap().set(stream.StreamArn, stream);
  }

  deleteStream(stream: StreamDescriptor): void {
    this.streams.delete(streamId(stream));
    this.streamMap().delete(stream.StreamArn);
  }
}

const streamId = (stream: StreamDescriptor) => `${stream.TableName}@${stream.StreamLabel}`;
