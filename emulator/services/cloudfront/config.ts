import type { CacheBehavior, CustomErrorResponse, DefaultCacheBehavior, DistributionConfig, Origin } from '@aws-sdk/client-cloudfront';
import { type BehaviorTtls, MANAGED_CACHE_POLICIES } from './cache-policies.js';
import {
  InvalidArgument,
  InvalidDefaultRootObject,
  InvalidErrorCode,
  InvalidOrigin,
  InvalidRelativePath,
  InvalidResponseCode,
  InvalidTTLOrder,
  inconsistentQuantities,
  missingMember,
  NoSuchCachePolicy,
  noSuchOrigin,
} from './errors.js';

const ERROR_CODES = [400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504];
const RESPONSE_CODES = ['200', ...ERROR_CODES.map(String)];
const VIEWER_POLICIES = ['allow-all', 'https-only', 'redirect-to-https'];
const METHOD_SETS = [
  ['GET', 'HEAD'],
  ['GET', 'HEAD', 'OPTIONS'],
  ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
];

interface QuantityList {
  Quantity?: number;
  Items?: unknown[];
}

function checkQuantity(list: QuantityList | undefined, what: string, required = false): void {
  if (!list) {
    if (required) throw missingMember(what);
    return;
  }
  if (typeof list.Quantity !== 'number') throw missingMember(`${what}.Quantity`);
  if (list.Quantity !== (list.Items?.length ?? 0)) throw inconsistentQuantities(what);
}

function checkOrigin(origin: Origin): void {
  if (!origin.Id) throw missingMember('Origin.Id');
  if (!origin.DomainName) throw missingMember('Origin.DomainName');
  const s3 = origin.S3OriginConfig !== undefined;
  const custom = origin.CustomOriginConfig !== undefined;
  if (s3 === custom && origin.VpcOriginConfig === undefined) {
    throw new InvalidOrigin('The specified origin server does not exist or is not valid.');
  }
  if (s3 && !/\.s3([.-][a-z0-9-]+)*\.(amazonaws\.com|localhost)(:\d+)?$/.test(origin.DomainName)) {
    throw new InvalidArgument('The parameter Origin DomainName does not refer to a valid S3 bucket.');
  }
  if (origin.OriginPath && (!origin.OriginPath.startsWith('/') || origin.OriginPath.endsWith('/'))) {
    throw new InvalidArgument('The parameter origin path must begin with a slash and must not end with a slash.');
  }
  checkQuantity(origin.CustomHeaders, `Origin ${origin.Id} CustomHeaders`);
}

/** The TTLs and cache key of a behaviour: its cache policy's when it names one, else its legacy settings. */
export function behaviorTtls(behavior: DefaultCacheBehavior | CacheBehavior): BehaviorTtls {
  if (behavior.CachePolicyId) {
    const policy = MANAGED_CACHE_POLICIES[behavior.CachePolicyId];
    if (!policy) throw new NoSuchCachePolicy('The cache policy does not exist.');
    return policy.ttls;
  }
  return {
    min: behavior.MinTTL ?? 0,
    default: behavior.DefaultTTL ?? 86_400,
    max: behavior.MaxTTL ?? 31_536_000,
    queryString: behavior.ForwardedValues?.QueryString ?? false,
  };
}

function checkBehavior(behavior: DefaultCacheBehavior | CacheBehavior, what: string, originIds: Set<string>): void {
  if (!behavior.TargetOriginId) throw missingMember(`${what}.TargetOriginId`);
  if (!originIds.has(behavior.TargetOriginId)) throw noSuchOrigin();
  if (!VIEWER_POLICIES.includes(behavior.ViewerProtocolPolicy ?? '')) throw missingMember(`${what}.ViewerProtocolPolicy`);
  if (behavior.CachePolicyId) {
    if (behavior.ForwardedValues || behavior.MinTTL !== undefined || behavior.DefaultTTL !== undefined || behavior.MaxTTL !== undefined) {
      throw new InvalidArgument('The parameter ForwardedValues cannot be used when a cache policy is associated to the cache behavior.');
    }
  } else {
    if (!behavior.ForwardedValues) throw new InvalidArgument('The parameter ForwardedValues is required.');
    if (behavior.MinTTL === undefined) throw new InvalidArgument('The parameter MinTTL is required.');
  }
  const ttls = behaviorTtls(behavior);
  if (!(ttls.min <= ttls.default && ttls.default <= ttls.max)) {
    throw new InvalidTTLOrder('The TTL order specified in CacheBehavior is not valid.');
  }
  const methods = behavior.AllowedMethods;
  if (methods) {
    checkQuantity(methods, `${what}.AllowedMethods`);
    const sorted = [...(methods.Items ?? [])].sort().join(',');
    if (!METHOD_SETS.some((set) => set.join(',') === sorted)) {
      throw new InvalidArgument('The parameter AllowedMethods is invalid: it must be GET,HEAD or GET,HEAD,OPTIONS or all seven methods.');
    }
    checkQuantity(methods.CachedMethods, `${what}.AllowedMethods.CachedMethods`);
  }
}

function checkErrorResponse(response: CustomErrorResponse): void {
  if (!ERROR_CODES.includes(response.ErrorCode ?? -1)) {
    throw new InvalidErrorCode(`The value ${response.ErrorCode} for ErrorCode is not valid. Valid values: ${ERROR_CODES.join(', ')}.`);
  }
  const hasPath = Boolean(response.ResponsePagePath);
  const hasCode = Boolean(response.ResponseCode);
  if (hasPath && !response.ResponsePagePath!.startsWith('/')) {
    throw new InvalidRelativePath('The relative path is too big, is not URL-encoded, or does not begin with a slash (/).');
  }
  if (hasCode && !RESPONSE_CODES.includes(response.ResponseCode!)) {
    throw new InvalidResponseCode(`The value ${response.ResponseCode} for ResponseCode is not valid.`);
  }
  if (hasPath !== hasCode) {
    throw new InvalidArgument('Your request must specify both ResponsePagePath and ResponseCode, or neither.');
  }
}

/** Checks a DistributionConfig as CloudFront does before it accepts it. */
export function validateConfig(config: DistributionConfig | undefined): asserts config is DistributionConfig {
  if (!config) throw missingMember('DistributionConfig');
  if (!config.CallerReference) throw missingMember('CallerReference');
  if (config.Comment === undefined) throw missingMember('Comment');
  if (config.Enabled === undefined) throw missingMember('Enabled');
  checkQuantity(config.Origins, 'Origins', true);
  if (!config.Origins!.Quantity) throw new InvalidArgument('The parameter Origins must contain at least one origin.');
  const ids = new Set<string>();
  for (const origin of config.Origins!.Items ?? []) {
    checkOrigin(origin);
    if (ids.has(origin.Id!)) throw new InvalidArgument(`The parameter Origin Id must be unique: ${origin.Id} is used twice.`);
    ids.add(origin.Id!);
  }
  checkQuantity(config.OriginGroups, 'OriginGroups');
  for (const group of config.OriginGroups?.Items ?? []) ids.add(group.Id ?? '');
  if (!config.DefaultCacheBehavior) throw missingMember('DefaultCacheBehavior');
  checkBehavior(config.DefaultCacheBehavior, 'DefaultCacheBehavior', ids);
  checkQuantity(config.CacheBehaviors, 'CacheBehaviors');
  for (const behavior of config.CacheBehaviors?.Items ?? []) {
    if (!behavior.PathPattern) throw missingMember('CacheBehavior.PathPattern');
    checkBehavior(behavior, `CacheBehavior ${behavior.PathPattern}`, ids);
  }
  checkQuantity(config.CustomErrorResponses, 'CustomErrorResponses');
  for (const response of config.CustomErrorResponses?.Items ?? []) checkErrorResponse(response);
  checkQuantity(config.Aliases, 'Aliases');
  if (config.DefaultRootObject && (config.DefaultRootObject.startsWith('/') || config.DefaultRootObject.length > 255)) {
    throw new InvalidDefaultRootObject('The specified default root object is invalid.');
  }
}

const emptyList = () => ({ Quantity: 0 });

function withBehaviorDefaults<B extends DefaultCacheBehavior | CacheBehavior>(behavior: B): B {
  return {
    ...behavior,
    TrustedSigners: behavior.TrustedSigners ?? { Enabled: false, Quantity: 0 },
    TrustedKeyGroups: behavior.TrustedKeyGroups ?? { Enabled: false, Quantity: 0 },
    AllowedMethods: behavior.AllowedMethods ?? {
      Quantity: 2,
      Items: ['HEAD', 'GET'],
      CachedMethods: { Quantity: 2, Items: ['HEAD', 'GET'] },
    },
    SmoothStreaming: behavior.SmoothStreaming ?? false,
    Compress: behavior.Compress ?? false,
    LambdaFunctionAssociations: behavior.LambdaFunctionAssociations ?? emptyList(),
    FunctionAssociations: behavior.FunctionAssociations ?? emptyList(),
    FieldLevelEncryptionId: behavior.FieldLevelEncryptionId ?? '',
    ...(behavior.CachePolicyId ? {} : { DefaultTTL: behavior.DefaultTTL ?? 86_400, MaxTTL: behavior.MaxTTL ?? 31_536_000 }),
  };
}

/** The configuration as CloudFront stores and returns it, with the defaults it fills in. */
export function withDefaults(config: DistributionConfig): DistributionConfig {
  return {
    ...config,
    Aliases: config.Aliases ?? emptyList(),
    DefaultRootObject: config.DefaultRootObject ?? '',
    Origins: {
      Quantity: config.Origins!.Quantity,
      Items: (config.Origins!.Items ?? []).map((o) => ({
        ...o,
        OriginPath: o.OriginPath ?? '',
        CustomHeaders: o.CustomHeaders ?? emptyList(),
        ConnectionAttempts: o.ConnectionAttempts ?? 3,
        ConnectionTimeout: o.ConnectionTimeout ?? 10,
        OriginShield: o.OriginShield ?? { Enabled: false },
        OriginAccessControlId: o.OriginAccessControlId ?? '',
      })),
    },
    OriginGroups: config.OriginGroups ?? emptyList(),
    DefaultCacheBehavior: withBehaviorDefaults(config.DefaultCacheBehavior!),
    CacheBehaviors: config.CacheBehaviors
      ? { Quantity: config.CacheBehaviors.Quantity, Items: config.CacheBehaviors.Items?.map(withBehaviorDefaults) }
      : emptyList(),
    CustomErrorResponses: config.CustomErrorResponses
      ? {
          Quantity: config.CustomErrorResponses.Quantity,
          Items: config.CustomErrorResponses.Items?.map((r) => ({
            ...r,
            ResponsePagePath: r.ResponsePagePath ?? '',
            ResponseCode: r.ResponseCode ?? '',
            ErrorCachingMinTTL: r.ErrorCachingMinTTL ?? 10,
          })),
        }
      : emptyList(),
    Logging: config.Logging ?? { Enabled: false, IncludeCookies: false, Bucket: '', Prefix: '' },
    PriceClass: config.PriceClass ?? 'PriceClass_All',
    ViewerCertificate: config.ViewerCertificate ?? {
      CloudFrontDefaultCertificate: true,
      SSLSupportMethod: 'vip',
      MinimumProtocolVersion: 'TLSv1',
      CertificateSource: 'cloudfront',
    },
    Restrictions: config.Restrictions ?? { GeoRestriction: { RestrictionType: 'none', Quantity: 0 } },
    WebACLId: config.WebACLId ?? '',
    HttpVersion: config.HttpVersion ?? 'http2',
    IsIPV6Enabled: config.IsIPV6Enabled ?? false,
    Staging: config.Staging ?? false,
  };
}
