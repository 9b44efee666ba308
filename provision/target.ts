import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';

export type TargetName = 'local' | 'localstack' | 'aws';

export interface Target {
  name: TargetName;
  region: string;
  /** Endpoint of the AWS-compatible cloud; undefined for real AWS. */
  endpoint?: string;
}

export function defaultEndpoint(name: TargetName): string | undefined {
  if (name === 'aws') return undefined;
  return process.env.AWS_ENDPOINT_URL ?? `http://localhost:${process.env.PORT ?? 4566}`;
}

export interface Clients {
  apigateway: APIGatewayClient;
  cognito: CognitoIdentityProviderClient;
  dynamodb: DynamoDBClient;
  iam: IAMClient;
  lambda: LambdaClient;
  s3: S3Client;
}

export function clientsFor(target: Target): Clients {
  const local = target.endpoint
    ? {
        endpoint: target.endpoint,
        credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'test', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'test' },
      }
    : {};
  const config = { region: target.region, ...local };
  return {
    apigateway: new APIGatewayClient(config),
    cognito: new CognitoIdentityProviderClient(config),
    dynamodb: new DynamoDBClient(config),
    iam: new IAMClient(config),
    lambda: new LambdaClient(config),
    s3: new S3Client({ ...config, forcePathStyle: Boolean(target.endpoint) }),
  };
}
