import { CloudWatchLogsClient, CreateLogGroupCommand, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateTableCommand, DynamoDBClient, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteRolePolicyCommand,
  IAMClient,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { AddPermissionCommand, CreateFunctionCommand, GetFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  CreateBucketCommand,
  DeleteBucketPolicyCommand,
  GetObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutBucketPolicyCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../../index.js';

const ACCOUNT = '000000000000';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/App`;
const SESSION_ARN = `arn:aws:sts::${ACCOUNT}:assumed-role/App/worker`;
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }],
});
const TABLE = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/Items`;

type Failure = Error & { $metadata: { httpStatusCode?: number } };
async function failure(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (err) {
    return err as Failure;
  }
  throw new Error('expected the call to fail');
}

describe('IAM enforcement (enforceIam)', () => {
  let cloud: LocalCloud;
  let admin: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string }; forcePathStyle: true };
  let iam: IAMClient;
  let asRole: typeof admin & { credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string } };

  const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
  const setPolicy = (document: string) =>
    iam.send(new PutRolePolicyCommand({ RoleName: 'App', PolicyName: 'app', PolicyDocument: document }));

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0, host: '127.0.0.1', enforceIam: true });
    admin = {
      endpoint: cloud.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      forcePathStyle: true,
    };
    iam = new IAMClient(admin);
    await iam.send(new CreateRoleCommand({ RoleName: 'App', AssumeRolePolicyDocument: TRUST }));
    await new DynamoDBClient(admin).send(
      new CreateTableCommand({
        TableName: 'Items',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'owner', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
          { IndexName: 'ByOwner', KeySchema: [{ AttributeName: 'owner', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await new S3Client(admin).send(new CreateBucketCommand({ Bucket: 'enforced' }));
    const { Credentials } = await new STSClient(admin).send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'worker' }));
    asRole = {
      ...admin,
      credentials: {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretAccessKey!,
        sessionToken: Credentials!.SessionToken!,
      },
    };
  });
  afterAll(async () => cloud?.close());

  it('leaves the account root (test/test) unrestricted and lets a role session call GetCallerIdentity', async () => {
    await new DynamoDBClient(admin).send(new PutItemCommand({ TableName: 'Items', Item: { pk: { S: 'a' }, owner: { S: 'x' } } }));
    expect((await new STSClient(asRole).send(new GetCallerIdentityCommand({}))).Arn).toBe(SESSION_ARN);
  });

  it('allows what the role policies allow, down to the index, and refuses the rest as DynamoDB does', async () => {
    await setPolicy(policy({ Effect: 'Allow', Action: ['dynamodb:Query'], Resource: [`${TABLE}/index/ByOwner`] }));
    const ddb = new DynamoDBClient(asRole);
    const query = (index?: string) =>
      ddb.send(
        new QueryCommand({
          TableName: 'Items',
          ...(index ? { IndexName: index } : {}),
          KeyConditionExpression: index ? '#o = :o' : 'pk = :o',
          ExpressionAttributeNames: index ? { '#o': 'owner' } : undefined,
          ExpressionAttributeValues: { ':o': { S: index ? 'x' : 'a' } },
        }),
      );
    expect((await query('ByOwner')).Count).toBe(1);
    const denied = await failure(query());
    expect([denied.name, denied.$metadata.httpStatusCode, denied.message]).toEqual([
      'AccessDeniedException',
      400,
      `User: ${SESSION_ARN} is not authorized to perform: dynamodb:Query on resource: ${TABLE} because no identity-based policy allows the dynamodb:Query action`,
    ]);
  });

  it('matches actions and resources with wildcards and lets an explicit Deny win', async () => {
    await setPolicy(
      policy(
        { Effect: 'Allow', Action: 'dynamodb:*Item', Resource: 'arn:aws:dynamodb:*:*:table/It*' },
        { Effect: 'Deny', Action: 'dynamodb:PutItem', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } },
      ),
    );
    const ddb = new DynamoDBClient(asRole);
    const denied = await failure(ddb.send(new PutItemCommand({ TableName: 'Items', Item: { pk: { S: 'b' } } })));
    expect(denied.message).toBe(
      `User: ${SESSION_ARN} is not authorized to perform: dynamodb:PutItem on resource: ${TABLE} with an explicit deny in an identity-based policy`,
    );
    await setPolicy(policy({ Effect: 'Allow', Action: 'dynamodb:*Item', Resource: 'arn:aws:dynamodb:*:*:table/It*' }));
    await ddb.send(new PutItemCommand({ TableName: 'Items', Item: { pk: { S: 'b' } } }));
  });

  it('evaluates S3 bucket policies with the role policies, in S3 words', async () => {
    await setPolicy(policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::enforced/public/*' }));
    const adminS3 = new S3Client(admin);
    await adminS3.send(new PutObjectCommand({ Bucket: 'enforced', Key: 'public/a.txt', Body: 'a' }));
    await adminS3.send(new PutObjectCommand({ Bucket: 'enforced', Key: 'private/b.txt', Body: 'b' }));
    const s3 = new S3Client({ ...asRole, maxAttempts: 1 });
    expect(await (await s3.send(new GetObjectCommand({ Bucket: 'enforced', Key: 'public/a.txt' }))).Body!.transformToString()).toBe('a');
    const denied = await failure(s3.send(new GetObjectCommand({ Bucket: 'enforced', Key: 'private/b.txt' })));
    expect([denied.name, denied.$metadata.httpStatusCode, denied.message]).toEqual([
      'AccessDenied',
      403,
      `User: ${SESSION_ARN} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::enforced/private/b.txt" because no identity-based policy allows the s3:GetObject action`,
    ]);
    expect((await failure(s3.send(new ListObjectsV2Command({ Bucket: 'enforced' })))).name).toBe('AccessDenied');

    // A bucket policy naming the role grants within the account without any identity policy.
    await adminS3.send(
      new PutBucketPolicyCommand({
        Bucket: 'enforced',
        Policy: policy(
          { Effect: 'Allow', Principal: { AWS: ROLE_ARN }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::enforced' },
          { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::enforced/public/secret*' },
        ),
      }),
    );
    expect((await s3.send(new ListObjectsV2Command({ Bucket: 'enforced' }))).KeyCount).toBe(2);
    await adminS3.send(new PutObjectCommand({ Bucket: 'enforced', Key: 'public/secret.txt', Body: 's' }));
    const deniedByBucket = await failure(s3.send(new GetObjectCommand({ Bucket: 'enforced', Key: 'public/secret.txt' })));
    expect(deniedByBucket.message).toBe(
      `User: ${SESSION_ARN} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::enforced/public/secret.txt" with an explicit deny in a resource-based policy`,
    );
    await adminS3.send(new DeleteBucketPolicyCommand({ Bucket: 'enforced' }));
  });

  it('maps Cognito, CloudWatch Logs and Lambda requests to their resources', async () => {
    const { UserPool } = await new CognitoIdentityProviderClient(admin).send(new CreateUserPoolCommand({ PoolName: 'pool' }));
    const poolArn = `arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/${UserPool!.Id}`;
    await setPolicy(
      policy(
        { Effect: 'Allow', Action: 'cognito-idp:AdminGetUser', Resource: poolArn },
        { Effect: 'Allow', Action: 'logs:DescribeLogGroups', Resource: '*' },
      ),
    );
    const cognito = new CognitoIdentityProviderClient(asRole);
    const missingUser = await failure(cognito.send(new AdminGetUserCommand({ UserPoolId: UserPool!.Id!, Username: 'nobody' })));
    expect(missingUser.name).toBe('UserNotFoundException');
    const listDenied = await failure(cognito.send(new ListUsersCommand({ UserPoolId: UserPool!.Id! })));
    expect([listDenied.name, listDenied.message]).toEqual([
      'AccessDeniedException',
      `User: ${SESSION_ARN} is not authorized to perform: cognito-idp:ListUsers on resource: ${poolArn} because no identity-based policy allows the cognito-idp:ListUsers action`,
    ]);

    const logs = new CloudWatchLogsClient(asRole);
    await logs.send(new DescribeLogGroupsCommand({}));
    const createDenied = await failure(logs.send(new CreateLogGroupCommand({ logGroupName: '/app/x' })));
    expect(createDenied.message).toBe(
      `User: ${SESSION_ARN} is not authorized to perform: logs:CreateLogGroup on resource: arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/app/x:log-stream: because no identity-based policy allows the logs:CreateLogGroup action`,
    );

    const lambdaDenied = await failure(new LambdaClient(asRole).send(new GetFunctionCommand({ FunctionName: 'fn', Qualifier: 'live' })));
    expect([lambdaDenied.name, lambdaDenied.$metadata.httpStatusCode, lambdaDenied.message]).toEqual([
      'AccessDeniedException',
      403,
      `User: ${SESSION_ARN} is not authorized to perform: lambda:GetFunction on resource: arn:aws:lambda:us-east-1:${ACCOUNT}:function:fn:live because no identity-based policy allows the lambda:GetFunction action`,
    ]);
  });

  it('lets a Lambda function policy naming the role grant what the role policies do not', async () => {
    await setPolicy(policy({ Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' }));
    const adminLambda = new LambdaClient(admin);
    await adminLambda.send(
      new CreateFunctionCommand({
        FunctionName: 'granted',
        Runtime: 'nodejs20.x',
        Role: ROLE_ARN,
        Handler: 'index.handler',
        Code: { ZipFile: zipSync({ 'index.js': strToU8('exports.handler = async () => "ok";') }) },
      }),
    );
    const lambda = new LambdaClient(asRole);
    const arn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:granted`;
    const before = await failure(lambda.send(new InvokeCommand({ FunctionName: 'granted' })));
    expect(before.message).toBe(
      `User: ${SESSION_ARN} is not authorized to perform: lambda:InvokeFunction on resource: ${arn} because no identity-based policy allows the lambda:InvokeFunction action`,
    );
    await adminLambda.send(
      new AddPermissionCommand({ FunctionName: 'granted', StatementId: 'app', Action: 'lambda:InvokeFunction', Principal: ROLE_ARN }),
    );
    const invoked = await lambda.send(new InvokeCommand({ FunctionName: 'granted' }));
    expect(Buffer.from(invoked.Payload!).toString()).toBe('"ok"');
    expect((await failure(lambda.send(new GetFunctionCommand({ FunctionName: 'granted' })))).name).toBe('AccessDeniedException');
  });

  it('narrows a session by its session policy', async () => {
    await setPolicy(policy({ Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' }));
    const { Credentials } = await new STSClient(admin).send(
      new AssumeRoleCommand({
        RoleArn: ROLE_ARN,
        RoleSessionName: 'narrow',
        Policy: policy({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }),
      }),
    );
    const narrow = new DynamoDBClient({
      ...admin,
      credentials: {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretAccessKey!,
        sessionToken: Credentials!.SessionToken!,
      },
    });
    const denied = await failure(narrow.send(new PutItemCommand({ TableName: 'Items', Item: { pk: { S: 'c' } } })));
    expect(denied.message).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/App/narrow is not authorized to perform: dynamodb:PutItem on resource: ${TABLE} because no session policy allows the dynamodb:PutItem action`,
    );
  });

  it('applies policy changes to running sessions at once', async () => {
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'App', PolicyName: 'app' }));
    const denied = await failure(new DynamoDBClient(asRole).send(new PutItemCommand({ TableName: 'Items', Item: { pk: { S: 'd' } } })));
    expect(denied.name).toBe('AccessDeniedException');
  });

  it('enforces the policies of IAM users on their access keys, sts:AssumeRole included', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'dev' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'dev' }));
    const asDev = { ...admin, credentials: { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! } };
    const denied = await failure(new S3Client(asDev).send(new ListBucketsCommand({})));
    expect(denied.message).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/dev is not authorized to perform: s3:ListAllMyBuckets because no identity-based policy allows the s3:ListAllMyBuckets action`,
    );
    // The role trusts the account: a user of the account still needs sts:AssumeRole in its own policies.
    const noAssume = await failure(new STSClient(asDev).send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'dev' })));
    expect([noAssume.name, noAssume.message]).toEqual([
      'AccessDenied',
      `User: arn:aws:iam::${ACCOUNT}:user/dev is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARN}`,
    ]);
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'dev',
        PolicyName: 'dev',
        PolicyDocument: policy({ Effect: 'Allow', Action: ['s3:ListAllMyBuckets', 'sts:AssumeRole'], Resource: '*' }),
      }),
    );
    expect((await new S3Client(asDev).send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name)).toContain('enforced');
    const assumed = await new STSClient(asDev).send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'dev' }));
    expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/App/dev`);
  });

  it('is off by default: a role without policies may do anything', async () => {
    const lax = await startLocalCloud({ port: 0, host: '127.0.0.1' });
    try {
      const config = { ...admin, endpoint: lax.url };
      await new IAMClient(config).send(new CreateRoleCommand({ RoleName: 'Bare', AssumeRolePolicyDocument: TRUST }));
      const { Credentials } = await new STSClient(config).send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/Bare`, RoleSessionName: 'bare' }),
      );
      const bare = new S3Client({
        ...config,
        credentials: {
          accessKeyId: Credentials!.AccessKeyId!,
          secretAccessKey: Credentials!.SecretAccessKey!,
          sessionToken: Credentials!.SessionToken!,
        },
      });
      await bare.send(new CreateBucketCommand({ Bucket: 'bare-bucket' }));
    } finally {
      await lax.close();
    }
  });
});
