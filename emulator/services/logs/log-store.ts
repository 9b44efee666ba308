import type { Store } from '../../core/store.js';
import { groupNotFound, streamNotFound } from './errors.js';

export interface StoredGroup {
  name: string;
  creationTime: number;
  retentionInDays?: number;
  kmsKeyId?: string;
  logGroupClass: string;
  tags?: Record<string, string>;
}

export interface StoredStream {
  name: string;
  creationTime: number;
  firstEventTimestamp?: number;
  lastEventTimestamp?: number;
  lastIngestionTime?: number;
  storedBytes: number;
  /** Sequence number the next event gets; orders events of equal timestamp by arrival. */
  nextSeq: number;
  /** Number of event chunks written so far (chunk documents are numbered from 0). */
  chunks: number;
}

/** One event as kept in a chunk: timestamp, message, ingestion time, sequence number. */
export interface StoredEvent {
  t: number;
  m: string;
  i: number;
  s: number;
}

const CHUNK_EVENTS = 128;
const CHUNK_BYTES = 64 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

const enc = encodeURIComponent;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * CloudWatch Logs state of one account and region. Events are kept in chunk documents of a few
 * hundred events so an append rewrites only the last chunk, never the whole stream.
 */
export class LogStore {
  private readonly base: string;

  constructor(
    private readonly store: Store,
    readonly account: string,
    readonly region: string,
  ) {
    this.base = `logs/${account}/${region}`;
  }

  private groupKey(group: string): string {
    return `${this.base}/groups/${enc(group)}`;
  }
  private streamsPrefix(group: string): string {
    return `${this.base}/streams/${enc(group)}`;
  }
  private eventsPrefix(group: string, stream?: string): string {
    return stream === undefined ? `${this.base}/events/${enc(group)}` : `${this.base}/events/${enc(group)}/${enc(stream)}`;
  }
  private chunkKey(group: string, stream: string, chunk: number): string {
    return `${this.eventsPrefix(group, stream)}/${pad(chunk, 8)}`;
  }

  group(name: string): StoredGroup | undefined {
    return this.store.get<StoredGroup>(this.groupKey(name));
  }
  requireGroup(name: string): StoredGroup {
    const group = this.group(name);
    if (!group) throw groupNotFound();
    return group;
  }
  putGroup(group: StoredGroup): void {
    this.store.put(this.groupKey(group.name), group);
  }
  deleteGroup(name: string): void {
    this.store.delete(this.groupKey(name));
    this.store.deleteAll(this.streamsPrefix(name));
    this.store.deleteAll(this.eventsPrefix(name));
  }
  /** All groups, sorted by name. */
  groups(): StoredGroup[] {
    return this.store
      .keys(`${this.base}/groups`)
      .map((key) => this.store.get<StoredGroup>(key)!)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  stream(group: string, name: string): StoredStream | undefined {
    return this.store.get<StoredStream>(`${this.streamsPrefix(group)}/${enc(name)}`);
  }
  requireStream(group: string, name: string): StoredStream {
    const stream = this.stream(group, name);
    if (!stream) throw streamNotFound();
    return stream;
  }
  putStream(group: string, stream: StoredStream): void {
    this.store.put(`${this.streamsPrefix(group)}/${enc(stream.name)}`, stream);
  }
  deleteStream(group: string, name: string): void {
    this.store.delete(`${this.streamsPrefix(group)}/${enc(name)}`);
    this.store.deleteAll(this.eventsPrefix(group, name));
  }
  /** All streams of a group, sorted by name. */
  streams(group: string): StoredStream[] {
    return this.store
      .keys(this.streamsPrefix(group))
      .map((key) => this.store.get<StoredStream>(key)!)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  newStream(name: string, now = Date.now()): StoredStream {
    return { name, creationTime: now, storedBytes: 0, nextSeq: 1, chunks: 0 };
  }

  /** Appends events (already validated) to a stream, in the order given. */
  append(group: string, stream: StoredStream, events: Array<{ timestamp: number; message: string }>, now = Date.now()): void {
    if (!events.length) return;
    let index = stream.chunks - 1;
    let chunk = index >= 0 ? (this.store.get<StoredEvent[]>(this.chunkKey(group, stream.name, index)) ?? []) : [];
    let bytes = chunk.reduce((sum, e) => sum + e.m.length, 0);
    const startNew = () => {
      index = stream.chunks++;
      chunk = [];
      bytes = 0;
    };
    if (index < 0 || chunk.length >= CHUNK_EVENTS || bytes >= CHUNK_BYTES) startNew();
    for (const event of events) {
      if (chunk.length >= CHUNK_EVENTS || bytes >= CHUNK_BYTES) {
        this.store.put(this.chunkKey(group, stream.name, index), chunk);
        startNew();
      }
      chunk.push({ t: event.timestamp, m: event.message, i: now, s: stream.nextSeq++ });
      bytes += event.message.length;
      stream.storedBytes += Buffer.byteLength(event.message);
      if (stream.firstEventTimestamp === undefined || event.timestamp < stream.firstEventTimestamp)
        stream.firstEventTimestamp = event.timestamp;
      if (stream.lastEventTimestamp === undefined || event.timestamp > stream.lastEventTimestamp)
        stream.lastEventTimestamp = event.timestamp;
    }
    this.store.put(this.chunkKey(group, stream.name, index), chunk);
    stream.lastIngestionTime = now;
    this.putStream(group, stream);
  }

  /**
   * The events of a stream ordered by timestamp then arrival, without those older than the group's
   * retention (chunks that hold only expired events are removed on the way).
   */
  events(group: StoredGroup, stream: StoredStream, now = Date.now()): StoredEvent[] {
    const cutoff = retentionCutoff(group, now);
    const out: StoredEvent[] = [];
    for (let index = 0; index < stream.chunks; index++) {
      const key = this.chunkKey(group.name, stream.name, index);
      const chunk = this.store.get<StoredEvent[]>(key);
      if (!chunk) continue;
      let kept = 0;
      for (const event of chunk) {
        if (event.t >= cutoff) {
          out.push(event);
          kept++;
        }
      }
      if (kept === 0 && index < stream.chunks - 1) this.store.delete(key);
    }
    return out.sort(compareEvents);
  }
}

export function retentionCutoff(group: StoredGroup, now = Date.now()): number {
  return group.retentionInDays ? now - group.retentionInDays * DAY_MS : Number.NEGATIVE_INFINITY;
}

export function compareEvents(a: StoredEvent, b: StoredEvent): number {
  return a.t - b.t || a.s - b.s;
}
