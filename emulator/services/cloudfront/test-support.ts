import type { DistributionConfig } from '@aws-sdk/client-cloudfront';

/** A distribution config in the shape the app uses: an S3 website origin, index.html as root, an SPA fallback. */
export function websiteDistribution(
  websiteDomain: string,
  overrides: Partial<DistributionConfig> = {},
  ttls: { MinTTL?: number; DefaultTTL?: number; MaxTTL?: number } = {},
): DistributionConfig {
  return {
    CallerReference: `test-${Math.random().toString(36).slice(2)}`,
    Comment: 'test distribution',
    Enabled: true,
    DefaultRootObject: 'index.html',
    Origins: {
      Quantity: 1,
      Items: [
        {
          Id: 'website',
          DomainName: websiteDomain,
          CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'http-only' },
        },
      ],
    },
    DefaultCacheBehavior: {
      TargetOriginId: 'website',
      ViewerProtocolPolicy: 'redirect-to-https',
      ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } },
      MinTTL: ttls.MinTTL ?? 0,
      DefaultTTL: ttls.DefaultTTL ?? 86_400,
      MaxTTL: ttls.MaxTTL ?? 31_536_000,
    },
    ...overrides,
  };
}
