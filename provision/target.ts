import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';

export type TargetName = 'local' | 'localstack' | 'aws';

/** The services the stack uses, by the key of their client in `Clients`. */
export type ServiceKey = 'apigateway' | 'cloudfront' | 'cloudwatch' | 'cognito' | 'dynamodb' | 'iam' | 'lambda' | 'logs' | 's3' | 'sts';

/** The SDK's service ids upper-cased: the suffix of each service's AWS_ENDPOINT_URL_<SERVICE> variable. */
export const ENDPOINT_VARIABLES: Record<ServiceKey, string> = {
  apigateway: 'AWS_ENDPOINT_URL_API_GATEWAY',
  cloudfront: 'AWS_ENDPOINT_URL_CLOUDFRONT',
  cloudwatch: 'AWS_ENDPOINT_URL_CLOUDWATCH',
  cognito: 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER',
  dynamodb: 'AWS_ENDPOINT_URL_DYNAMODB',
  iam: 'AWS_ENDPOINT_URL_IAM',
  lambda: 'AWS_ENDPOINT_URL_LAMBDA',
  logs: 'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS',
  s3: 'AWS_ENDPOINT_URL_S3',
  sts: 'AWS_ENDPOINT_URL_STS',
};

export interface Target {
  name: TargetName;
  region: string;
  /** Endpoint of the AWS-compatible cloud; undefined for real AWS. */
  endpoint?: string;
  /** Per-service endpoints that override `endpoint` (e.g. Cognito on the local cloud while the rest is on LocalStack). */
  serviceEndpoints?: Partial<Record<ServiceKey, string>>;
  /**
   * The host name people and browsers use for the endpoints, when it differs from the one the
   * provisioner uses (in docker compose the provisioner says `localstack`, the browser `localhost`).
   */
  publicHost?: string;
  /** Named credential profile (real AWS); otherwise the default credential chain. */
  profile?: string;
  /** Fixed credentials; by default `test`/`test` on emulators and the default chain on AWS. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Called with every SDK client made for this target (the dry run records calls through it). */
  instrument?: (client: AnyClient) => void;
}

export function defaultEndpoint(name: TargetName): string | undefined {
  if (name === 'aws') return undefined;
  return process.env.AWS_ENDPOINT_URL ?? `http://localhost:${process.env.PORT ?? 4566}`;
}

/** Reads AWS_ENDPOINT_URL_<SERVICE> overrides from the environment. */
export function serviceEndpointsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<Record<ServiceKey, string>> {
  const found: Partial<Record<ServiceKey, string>> = {};
  for (const [key, variable] of Object.entries(ENDPOINT_VARIABLES) as Array<[ServiceKey, string]>) {
    if (env[variable]) found[key] = env[variable];
  }
  return found;
}

/** Where the provisioner sends a service's calls; undefined on real AWS. */
export function endpointOf(target: Target, service: ServiceKey): string | undefined {
  if (target.name === 'aws') return undefined;
  return target.serviceEndpoints?.[service] ?? target.endpoint;
}

/** The same endpoint as seen by a person or a browser (see `Target.publicHost`). */
export function publicEndpointOf(target: Target, service?: ServiceKey): string | undefined {
  const endpoint = service ? endpointOf(target, service) : target.name === 'aws' ? undefined : target.endpoint;
  if (!endpoint || !target.publicHost) return endpoint;
  const url = new URL(endpoint);
  url.hostname = target.publicHost;
  return url.toString().replace(/\/$/, '');
}

/**
 * Environment variables the functions need to reach services routed away from the main endpoint
 * (the SDK inside them reads AWS_ENDPOINT_URL_<SERVICE>). Empty on AWS and on a single endpoint.
 */
export function functionEnvironment(target: Target): Record<string, string> {
  if (target.name === 'aws') return {};
  const env: Record<string, string> = {};
  for (const [key, url] of Object.entries(target.serviceEndpoints ?? {}) as Array<[ServiceKey, string]>) {
    if (url !== target.endpoint) env[ENDPOINT_VARIABLES[key]] = url;
  }
  return env;
}

export interface Clients {
  apigateway: APIGatewayClient;
  cloudfront: CloudFrontClient;
  cloudwatch: CloudWatchClient;
  cognito: CognitoIdentityProviderClient;
  dynamodb: DynamoDBClient;
  iam: IAMClient;
  lambda: LambdaClient;
  logs: CloudWatchLogsClient;
  s3: S3Client;
  sts: STSClient;
}

export type AnyClient = Clients[keyof Clients];

function configFor(target: Target, service: ServiceKey) {
  const endpoint = endpointOf(target, service);
  const credentials =
    target.credentials ??
    (endpoint
      ? { accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'test', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'test' }
      : undefined);
  return {
    region: target.region,
    ...(endpoint ? { endpoint } : { ignoreConfiguredEndpointUrls: true }),
    ...(credentials ? { credentials } : {}),
    ...(target.profile && !target.credentials ? { profile: target.profile } : {}),
  };
}

/** One SDK client per service; on AWS the default credential chain (or `profile`) and no endpoint override. */
export function clientsFor(target: Target): Clients {
  const clients: Clients = {
    apigateway: new APIGatewayClient(configFor(target, 'apigateway')),
    cloudfront: new CloudFrontClient(configFor(target, 'cloudfront')),
    cloudwatch: new CloudWatchClient(configFor(target, 'cloudwatch')),
    cognito: new CognitoIdentityProviderClient(configFor(target, 'cognito')),
    dynamodb: new DynamoDBClient(configFor(target, 'dynamodb')),
    iam: new IAMClient(configFor(target, 'iam')),
    lambda: new LambdaClient(configFor(target, 'lambda')),
    logs: new CloudWatchLogsClient(configFor(target, 'logs')),
    s3: new S3Client({ ...configFor(target, 's3'), forcePathStyle: Boolean(endpointOf(target, 's3')) }),
    sts: new STSClient(configFor(target, 'sts')),
  };
  if (target.instrument) for (const client of Object.values(clients)) target.instrument(client);
  return clients;
}
