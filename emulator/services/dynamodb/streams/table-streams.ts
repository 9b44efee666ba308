import { randomBytes } from 'node:crypto';
import type { Database } from '../database.js';
import type { TableRecord } from '../dynalite.js';
import { ValidationException } from '../errors.js';
import { STREAM_VIEW_TYPES, type StreamDescriptor, type StreamViewType, type TableSettings } from '../table-settings.js';

export interface StreamSpecificationInput {
  StreamEnabled?: boolean;
  StreamViewType?: string;
}

/** Checks a StreamSpecification as CreateTable (`creating`) or UpdateTable does; returns the view type when it enables a stream. */
export function checkStreamSpecification(spec: StreamSpecificationInput, creating: boolean): StreamViewType | undefined {
  if (typeof spec.StreamEnabled !== 'boolean') {
    throw new ValidationException(
      "1 validation error detected: Value null at 'streamSpecification.streamEnabled' failed to satisfy constraint: Member must not be null",
    );
  }
  if (spec.StreamViewType !== undefined && !STREAM_VIEW_TYPES.includes(spec.StreamViewType as StreamViewType)) {
    throw new ValidationException(
      `1 validation error detected: Value '${spec.StreamViewType}' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum value set: [OLD_IMAGE, KEYS_ONLY, NEW_AND_OLD_IMAGES, NEW_IMAGE]`,
    );
  }
  const invalid = 'One or more parameter values were invalid: ';
  if (spec.StreamEnabled && !spec.StreamViewType) {
    throw new ValidationException(
      invalid +
        (creating
          ? 'Table is being created with a stream enabled, UpdateViewType is required'
          : 'If stream is being enabled then UpdateViewType is required'),
    );
  }
  if (!spec.StreamEnabled && spec.StreamViewType) {
    throw new ValidationException(
      invalid +
        (creating
          ? 'Table is being created with a stream disabled, UpdateViewType should not be specified'
          : 'If stream is being disabled, then UpdateViewType must not be specified'),
    );
  }
  return spec.StreamEnabled ? (spec.StreamViewType as StreamViewType) : undefined;
}

/** Starts a new stream on a table. Call it under the database's write lock. */
export function enableStream(db: Database, table: TableRecord, viewType: StreamViewType, now = Date.now()): StreamDescriptor {
  const settings: TableSettings = { ...db.settings.table(table.TableName) };
  if (settings.stream) throw new ValidationException(`Table already has an enabled stream: TableName: ${table.TableName}`);
  let label = streamLabel(now);
  if (label === settings.latestStream?.label) label = streamLabel(now + 1);
  const arn = `${table.TableArn}/stream/${label}`;
  const stream: StreamDescriptor = {
    StreamArn: arn,
    StreamLabel: label,
    TableName: table.TableName,
    StreamViewType: viewType,
    StreamStatus: 'ENABLED',
    CreationRequestDateTime: now,
    KeySchema: table.KeySchema,
    ShardId: `shardId-${String(now).padStart(20, '0')}-${randomBytes(4).toString('hex')}`,
    StartingSequenceNumber: db.nextSequenceNumber,
  };
  db.settings.putStream(stream);
  db.settings.putTable(table.TableName, { ...settings, stream: { arn, label, viewType }, latestStream: { arn, label } });
  return stream;
}

/** Ends a table's stream: its shard closes, its records stay readable until they age out. Call it under the write lock. */
export function disableStream(db: Database, tableName: string, dropSettings = false): void {
  const settings = db.settings.table(tableName);
  if (!settings?.stream) {
    if (dropSettings) db.settings.deleteTable(tableName);
    else throw new ValidationException(`Table has no stream to disable: TableName: ${tableName}`);
    return;
  }
  const stream = db.settings.stream(settings.stream.arn);
  if (stream) {
    const last = db.lastSequenceNumber;
    const wroteRecords = last >= stream.StartingSequenceNumber;
    const ending = wroteRecords ? last : stream.StartingSequenceNumber;
    db.settings.putStream({ ...stream, StreamStatus: 'DISABLED', EndingSequenceNumber: ending, DisabledAt: Date.now() });
  }
  if (dropSettings) db.settings.deleteTable(tableName);
  else db.settings.putTable(tableName, { ...settings, stream: undefined });
}

/** The members DescribeTable (and Create/Update/DeleteTable) add for streams. */
export function streamMembers(settings: TableSettings | undefined): Record<string, unknown> {
  if (!settings) return {};
  return {
    ...(settings.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: settings.stream.viewType } } : {}),
    ...(settings.latestStream ? { LatestStreamArn: settings.latestStream.arn, LatestStreamLabel: settings.latestStream.label } : {}),
  };
}

/** `2026-10-08T23:07:31.275`: the ISO time of creation without its zone, as AWS labels streams. */
function streamLabel(ms: number): string {
  return new Date(ms).toISOString().slice(0, -1);
}
