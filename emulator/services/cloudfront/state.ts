import type { DistributionConfig, InvalidationBatch, Tag } from '@aws-sdk/client-cloudfront';
import { randomUpperId } from '../../core/ids.js';
import { Collection, type Store } from '../../core/store.js';

/** CloudFront is global: its state lives under the account only (`cloudfront/<account>/global/...`). */
const REGION = 'global';

export interface DistributionRecord {
  Id: string;
  account: string;
  ETag: string;
  config: DistributionConfig;
  tags: Tag[];
  /** Epoch ms. */
  lastModified: number;
  /** Epoch ms from which the distribution reads as Deployed. */
  deployedAt: number;
}

export interface InvalidationRecord {
  Id: string;
  distributionId: string;
  batch: InvalidationBatch;
  createTime: number;
  completedAt: number;
}

/** How long a change takes to deploy and an invalidation to complete (AWS: minutes; locally: none unless asked). */
export function propagationDelay(): number {
  const ms = Number(process.env.EMULATOR_CLOUDFRONT_DEPLOY_MS ?? 0);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

export const newDistributionId = () => `E${randomUpperId(13)}`;
export const newInvalidationId = () => `I${randomUpperId(13)}`;
export const newETag = () => `E${randomUpperId(13)}`;

export class CloudFrontState {
  /** Distribution id → account, for the data plane, which is reached without credentials. */
  private readonly owners = new Map<string, string>();

  constructor(private readonly store: Store) {}

  distributions(account: string): Collection<DistributionRecord> {
    return new Collection(this.store, `cloudfront/${account}/${REGION}/distributions`);
  }

  invalidations(account: string, distributionId: string): Collection<InvalidationRecord> {
    return new Collection(this.store, `cloudfront/${account}/${REGION}/invalidations/${distributionId}`);
  }

  putDistribution(record: DistributionRecord): void {
    this.distributions(record.account).put(record.Id, record);
    this.owners.set(record.Id, record.account);
  }

  deleteDistribution(record: DistributionRecord): void {
    this.distributions(record.account).delete(record.Id);
    this.store.deleteAll(`cloudfront/${record.account}/${REGION}/invalidations/${record.Id}`);
    this.owners.delete(record.Id);
  }

  /** A distribution by id in any account (ids are unique across accounts). */
  findDistribution(id: string): DistributionRecord | undefined {
    const owner = this.owners.get(id);
    if (owner) {
      const found = this.distributions(owner).get(id);
      if (found) return found;
      this.owners.delete(id);
    }
    const key = this.store.keys('cloudfront').find((k) => k.endsWith(`/${REGION}/distributions/${id}`));
    const record = key ? this.store.get<DistributionRecord>(key) : undefined;
    if (record) this.owners.set(id, record.account);
    return record;
  }

  forget(): void {
    this.owners.clear();
  }
}
