import type { Credential } from './sigv4.js';

/** The services the edge knows, by the name used in routing and health. */
export type ServiceName =
  | 'apigateway'
  | 'execute-api'
  | 'cloudfront'
  | 'cognito-idp'
  | 'dynamodb'
  | 'iam'
  | 'lambda'
  | 'logs'
  | 'monitoring'
  | 's3'
  | 's3-website'
  | 'sts';

const TARGET_PREFIXES: Array<[string, ServiceName]> = [
  ['DynamoDB_20120810', 'dynamodb'],
  ['DynamoDBStreams_20120810', 'dynamodb'],
  ['AWSCognitoIdentityProviderService', 'cognito-idp'],
  ['Logs_20140328', 'logs'],
  ['GraniteServiceVersion20100801', 'monitoring'],
];

const SIGNING_NAMES: Record<string, ServiceName> = {
  dynamodb: 'dynamodb',
  s3: 's3',
  lambda: 'lambda',
  apigateway: 'apigateway',
  'execute-api': 'execute-api',
  'cognito-idp': 'cognito-idp',
  iam: 'iam',
  logs: 'logs',
  monitoring: 'monitoring',
  cloudfront: 'cloudfront',
  sts: 'sts',
};

export interface Resolution {
  service: ServiceName;
  /** For host-style data-plane URLs: the id in the host (api id, bucket, distribution id). */
  hostId?: string;
}

/** Host forms: {api}.execute-api.localhost, {bucket}.s3-website.localhost, {bucket}.s3.localhost, {id}.cloudfront.localhost */
const HOST_PATTERNS: Array<[RegExp, ServiceName]> = [
  [/^([a-z0-9]+)\.execute-api\./, 'execute-api'],
  [/^(.+)\.s3-website[.-]/, 's3-website'],
  [/^([a-z0-9]+)\.cloudfront\./, 'cloudfront'],
  [/^(.+)\.s3\./, 's3'],
];

/**
 * Resolves which service a request is for: data-plane hosts and paths first, then the SigV4
 * credential scope, then X-Amz-Target, then the path; anything else is S3 (path-style, unsigned).
 */
export function resolveService(
  host: string,
  path: string,
  headers: Record<string, string>,
  credential: Credential | undefined,
): Resolution {
  const hostname = host.replace(/:\d+$/, '').toLowerCase();
  for (const [pattern, service] of HOST_PATTERNS) {
    const m = pattern.exec(hostname);
    if (m) return { service, hostId: m[1] };
  }
  if (/^\/restapis\/[^/]+\/[^/]+\/_user_request_(\/|$)/.test(path)) return { service: 'execute-api' };
  if (credential && SIGNING_NAMES[credential.service]) return { service: SIGNING_NAMES[credential.service]! };
  const target = headers['x-amz-target'];
  if (target) {
    const prefix = target.split('.')[0]!;
    const match = TARGET_PREFIXES.find(([p]) => p === prefix);
    if (match) return { service: match[1] };
  }
  if (/^\/[\w-]+_[0-9a-zA-Z]+\/\.well-known\/(jwks\.json|openid-configuration)$/.test(path)) return { service: 'cognito-idp' };
  if (path.startsWith('/2015-03-31/') || path.startsWith('/2017-03-31/') || path.startsWith('/2016-08-19/')) return { service: 'lambda' };
  if (path.startsWith('/restapis') || path.startsWith('/apikeys') || path.startsWith('/account')) return { service: 'apigateway' };
  if (path.startsWith('/2020-05-31/')) return { service: 'cloudfront' };
  const contentType = headers['content-type'] ?? '';
  if (contentType.startsWith('application/x-www-form-urlencoded')) return { service: 'iam' };
  return { service: 's3' };
}
