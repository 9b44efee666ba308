import type { Distribution, DistributionSummary, Invalidation, InvalidationSummary } from '@aws-sdk/client-cloudfront';
import type { DistributionRecord, InvalidationRecord } from './state.js';

export const distributionArn = (record: { account: string; Id: string }) =>
  `arn:aws:cloudfront::${record.account}:distribution/${record.Id}`;

/** The API's domain name of a distribution; locally it is served at `http://{id}.cloudfront.localhost:PORT/`. */
export const domainName = (id: string) => `${id.toLowerCase()}.cloudfront.net`;

export function distributionStatus(record: DistributionRecord, now = Date.now()): 'InProgress' | 'Deployed' {
  return now >= record.deployedAt ? 'Deployed' : 'InProgress';
}

export function invalidationStatus(record: InvalidationRecord, now = Date.now()): 'InProgress' | 'Completed' {
  return now >= record.completedAt ? 'Completed' : 'InProgress';
}

export function distributionView(
  record: DistributionRecord,
  inProgressInvalidations: number,
  status = distributionStatus(record),
): Distribution {
  return {
    Id: record.Id,
    ARN: distributionArn(record),
    Status: status,
    LastModifiedTime: new Date(record.lastModified),
    InProgressInvalidationBatches: inProgressInvalidations,
    DomainName: domainName(record.Id),
    ActiveTrustedSigners: { Enabled: false, Quantity: 0 },
    ActiveTrustedKeyGroups: { Enabled: false, Quantity: 0 },
    DistributionConfig: record.config,
  };
}

export function summaryView(record: DistributionRecord): DistributionSummary {
  const c = record.config;
  return {
    Id: record.Id,
    ARN: distributionArn(record),
    ETag: record.ETag,
    Status: distributionStatus(record),
    LastModifiedTime: new Date(record.lastModified),
    DomainName: domainName(record.Id),
    Aliases: c.Aliases,
    OriginGroups: c.OriginGroups,
    Origins: c.Origins,
    DefaultCacheBehavior: c.DefaultCacheBehavior,
    CacheBehaviors: c.CacheBehaviors,
    CustomErrorResponses: c.CustomErrorResponses,
    Comment: c.Comment,
    PriceClass: c.PriceClass,
    Enabled: c.Enabled,
    ViewerCertificate: c.ViewerCertificate,
    Restrictions: c.Restrictions,
    WebACLId: c.WebACLId,
    HttpVersion: c.HttpVersion,
    IsIPV6Enabled: c.IsIPV6Enabled,
    Staging: c.Staging ?? false,
  };
}

export function invalidationView(record: InvalidationRecord): Invalidation {
  return { Id: record.Id, Status: invalidationStatus(record), CreateTime: new Date(record.createTime), InvalidationBatch: record.batch };
}

export function invalidationSummary(record: InvalidationRecord): InvalidationSummary {
  return { Id: record.Id, CreateTime: new Date(record.createTime), Status: invalidationStatus(record) };
}
