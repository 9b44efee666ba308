import type { StreamListener } from '../database.js';
import type { StreamViewType } from '../table-settings.js';
import type { StreamRecordData } from './stream-records.js';

export interface StreamInfo {
  tableName: string;
  status: 'ENABLED' | 'DISABLED';
  viewType: StreamViewType;
  /** Sequence number of the newest record written to the database so far (a LATEST position). */
  lastSequenceNumber: string;
}

/**
 * What the DynamoDB service offers other services (Lambda event source mappings) for reading
 * streams: records in order after a sequence number, and a signal when new ones arrive.
 */
export interface DynamoDbStreamSource {
  streamInfo(account: string, region: string, streamArn: string): Promise<StreamInfo | undefined>;
  /** Up to `limit` records after `after` (from the oldest retained record when undefined). */
  readStream(account: string, region: string, streamArn: string, after: string | undefined, limit: number): Promise<StreamRecordData[]>;
  /** Calls `listener` after each commit that added records; returns the unsubscribe function. */
  onStreamRecords(listener: StreamListener): () => void;
}
