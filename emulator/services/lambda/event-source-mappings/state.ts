import { Collection, type Store } from '../../../core/store.js';

export type StartingPosition = 'TRIM_HORIZON' | 'LATEST';

/** One event source mapping from a DynamoDB stream to a function, with its reading position. */
export interface MappingRecord {
  uuid: string;
  account: string;
  region: string;
  eventSourceArn: string;
  /** The function as invoked: its ARN, qualified when the mapping names a version or alias. */
  functionArn: string;
  batchSize: number;
  startingPosition: StartingPosition;
  maximumBatchingWindowInSeconds: number;
  enabled: boolean;
  /** -1: retry a failing batch until it succeeds (or its records age out of the stream). */
  maximumRetryAttempts: number;
  /** -1: records of any age are processed. */
  maximumRecordAgeInSeconds: number;
  functionResponseTypes: string[];
  /** Epoch ms. */
  lastModified: number;
  lastProcessingResult: string;
  stateTransitionReason: string;
  /** Sequence number of the last record handed to the function (or skipped); none: from the oldest record. */
  checkpoint?: string;
}

const PREFIX = (account: string, region: string) => `lambda/${account}/${region}/event-source-mappings`;

export class MappingStore {
  constructor(private readonly store: Store) {}

  private collection(account: string, region: string): Collection<MappingRecord> {
    return new Collection(this.store, PREFIX(account, region));
  }

  get(account: string, region: string, uuid: string): MappingRecord | undefined {
    return this.collection(account, region).get(uuid);
  }

  put(mapping: MappingRecord): void {
    this.collection(mapping.account, mapping.region).put(mapping.uuid, mapping);
  }

  delete(mapping: MappingRecord): void {
    this.collection(mapping.account, mapping.region).delete(mapping.uuid);
  }

  list(account: string, region: string): MappingRecord[] {
    return this.collection(account, region)
      .list()
      .sort((a, b) => a.lastModified - b.lastModified || (a.uuid < b.uuid ? -1 : 1));
  }

  /** Every mapping of every account and region (to resume polling after a restart). */
  all(): MappingRecord[] {
    return this.store
      .keys('lambda')
      .filter((key) => key.split('/')[3] === 'event-source-mappings' && key.split('/').length === 5)
      .map((key) => this.store.get<MappingRecord>(key)!)
      .filter(Boolean);
  }
}
