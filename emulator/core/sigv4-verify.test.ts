import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CognitoIdentityProviderClient, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, ListRolesCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ServiceException,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../test/local-cloud.js';
import { presignUrl, signedRequest } from '../../test/sigv4.js';
import { startLocalCloud } from '../index.js';
import { canonicalPath, canonicalQuery } from './sigv4-verify.js';

const WRONG = { accessKeyId: 'test', secretAccessKey: 'not-the-secret' };
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

async function failure(promise: Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number }; [k: string]: unknown }> {
  try {
    await promise;
  } catch (err) {
    return err as never;
  }
  throw new Error('expected the call to fail');
}

describe('SigV4 canonical forms', () => {
  it('signs S3 paths as sent and encodes other services once more', () => {
    expect(canonicalPath('/bucket/a%20b/c%2Bd', 's3')).toBe('/bucket/a%20b/c%2Bd');
    expect(canonicalPath('/2015-03-31/functions/arn%3Aaws%3Alambda/invocations', 'lambda')).toBe(
      '/2015-03-31/functions/arn%253Aaws%253Alambda/invocations',
    );
    expect(canonicalPath('/a//b/./c/../d/', 'apigateway')).toBe('/a/b/d/');
    expect(canonicalPath('', 'dynamodb')).toBe('/');
  });

  it('sorts the query by encoded name then value and leaves the signature out', () => {
    expect(canonicalQuery('b=2&a=z&a=y&uploads&X-Amz-Signature=abc&c=%7E%20%2B')).toBe('a=y&a=z&b=2&c=~%20%2B&uploads=');
  });
});

describe('SigV4 verification at the edge', () => {
  let cloud: TestCloud;
  let s3: S3Client;
  beforeAll(async () => {
    cloud = await startTestCloud();
    s3 = new S3Client(cloud.clientConfig);
    await s3.send(new CreateBucketCommand({ Bucket: 'signed' }));
  });
  afterAll(async () => cloud.close());

  it('accepts test/test on every service, keys with characters that need encoding included', async () => {
    for (const key of ['plain.txt', 'with space/and+plus=eq&amp.txt', 'ünïcødé/日本語.txt', "q'(x)*!~.txt", 'a//double/./dot/../x']) {
      await s3.send(new PutObjectCommand({ Bucket: 'signed', Key: key, Body: 'x' }));
      const got = await s3.send(new GetObjectCommand({ Bucket: 'signed', Key: key }));
      expect(await got.Body!.transformToString()).toBe('x');
    }
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'signed', Prefix: 'with space/and+', Delimiter: '/' }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(['with space/and+plus=eq&amp.txt']);
    await new DynamoDBClient(cloud.clientConfig).send(new ListTablesCommand({}));
    await new IAMClient(cloud.clientConfig).send(new ListRolesCommand({ PathPrefix: '/a b/' }));
    await new CognitoIdentityProviderClient(cloud.clientConfig).send(new ListUserPoolsCommand({ MaxResults: 10 }));
    await new CloudWatchLogsClient(cloud.clientConfig).send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/lambda/x y' }));
    const missing = await failure(
      new LambdaClient(cloud.clientConfig).send(
        new GetFunctionCommand({ FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:nope' }),
      ),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  it('accepts a stream upload (aws-chunked, STREAMING-UNSIGNED-PAYLOAD-TRAILER)', async () => {
    const { Readable } = await import('node:stream');
    await s3.send(
      new PutObjectCommand({
        Bucket: 'signed',
        Key: 'streamed',
        Body: Readable.from([Buffer.from('abc'), Buffer.from('def')]),
        ContentLength: 6,
      }),
    );
    const got = await s3.send(new GetObjectCommand({ Bucket: 'signed', Key: 'streamed' }));
    expect(await got.Body!.transformToString()).toBe('abcdef');
  });

  it('refuses a wrong secret in each protocol’s words', async () => {
    const config = { ...cloud.clientConfig, credentials: WRONG, maxAttempts: 1 };
    const s3Err = await failure(new S3Client(config).send(new GetObjectCommand({ Bucket: 'signed', Key: 'plain.txt' })));
    expect(s3Err.$metadata.httpStatusCode).toBe(403);

    const putErr = (await failure(
      new S3Client(config).send(new PutObjectCommand({ Bucket: 'signed', Key: 'x', Body: 'y' })),
    )) as S3ServiceException & Record<string, unknown>;
    expect(putErr.name).toBe('SignatureDoesNotMatch');
    expect(putErr.message).toBe(
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
    expect(putErr.AWSAccessKeyId).toBe('test');
    expect(String(putErr.CanonicalRequest)).toMatch(/^PUT\n\/signed\/x\n/);
    expect(String(putErr.StringToSign)).toMatch(/^AWS4-HMAC-SHA256\n\d{8}T\d{6}Z\n\d{8}\/us-east-1\/s3\/aws4_request\n[0-9a-f]{64}$/);

    const ddb = await failure(new DynamoDBClient(config).send(new ListTablesCommand({})));
    expect([ddb.name, ddb.message, ddb.$metadata.httpStatusCode]).toEqual(['InvalidSignatureException', MISMATCH, 400]);
    const iam = await failure(new IAMClient(config).send(new ListRolesCommand({})));
    expect([iam.name, iam.message, iam.$metadata.httpStatusCode]).toEqual(['SignatureDoesNotMatch', MISMATCH, 403]);
    const sts = await failure(new STSClient(config).send(new GetCallerIdentityCommand({})));
    expect([sts.name, sts.$metadata.httpStatusCode]).toEqual(['SignatureDoesNotMatch', 403]);
    const lambda = await failure(new LambdaClient(config).send(new GetFunctionCommand({ FunctionName: 'f' })));
    expect([lambda.name, lambda.message, lambda.$metadata.httpStatusCode]).toEqual(['InvalidSignatureException', MISMATCH, 403]);
    const cognito = await failure(new CognitoIdentityProviderClient(config).send(new ListUserPoolsCommand({ MaxResults: 1 })));
    expect([cognito.name, cognito.$metadata.httpStatusCode]).toEqual(['InvalidSignatureException', 400]);
    const logs = await failure(new CloudWatchLogsClient(config).send(new DescribeLogGroupsCommand({})));
    expect([logs.name, logs.$metadata.httpStatusCode]).toEqual(['InvalidSignatureException', 400]);
  });

  it('lets access keys it does not know through unverified, as LocalStack does', async () => {
    const stranger = { ...cloud.clientConfig, credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'anything' } };
    await new S3Client(stranger).send(new ListObjectsV2Command({ Bucket: 'signed' }));
    await new DynamoDBClient(stranger).send(new ListTablesCommand({}));
  });

  it('verifies keys created through IAM, and refuses them once deactivated', async () => {
    const iam = new IAMClient(cloud.clientConfig);
    await iam.send(new CreateUserCommand({ UserName: 'signer' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'signer' }));
    const good = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
    const me = await new STSClient({ ...cloud.clientConfig, credentials: good }).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe('arn:aws:iam::000000000000:user/signer');

    const bad = { ...cloud.clientConfig, credentials: { ...good, secretAccessKey: `${good.secretAccessKey}x` }, maxAttempts: 1 };
    expect((await failure(new DynamoDBClient(bad).send(new ListTablesCommand({})))).name).toBe('InvalidSignatureException');

    await iam.send(new UpdateAccessKeyCommand({ UserName: 'signer', AccessKeyId: good.accessKeyId, Status: 'Inactive' }));
    const inactive = { ...cloud.clientConfig, credentials: good, maxAttempts: 1 };
    const s3Err = await failure(new S3Client(inactive).send(new ListObjectsV2Command({ Bucket: 'signed' })));
    expect([s3Err.name, s3Err.message]).toEqual([
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
    ]);
    const iamErr = await failure(new IAMClient(inactive).send(new ListRolesCommand({})));
    expect([iamErr.name, iamErr.message]).toEqual(['InvalidClientTokenId', 'The security token included in the request is invalid.']);
    const ddbErr = await failure(new DynamoDBClient(inactive).send(new ListTablesCommand({})));
    expect(ddbErr.name).toBe('UnrecognizedClientException');
  });

  it('serves presigned GET and PUT URLs, and refuses tampered and expired ones', async () => {
    const url = `${cloud.url}/signed/presigned.txt`;
    const put = await presignUrl({ method: 'PUT', url }, { service: 's3' });
    expect(put).toContain('X-Amz-Signature=');
    const uploaded = await fetch(put, { method: 'PUT', body: 'via presigned PUT', headers: { 'content-type': 'text/plain' } });
    expect(uploaded.status).toBe(200);
    const get = await presignUrl({ method: 'GET', url }, { service: 's3', expiresIn: 60 });
    const downloaded = await fetch(get);
    expect(downloaded.status).toBe(200);
    expect(await downloaded.text()).toBe('via presigned PUT');
    expect(downloaded.headers.get('content-type')).toBe('text/plain');

    const tampered = await fetch(get.replace('presigned.txt', 'plain.txt'));
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('<Code>SignatureDoesNotMatch</Code>');

    const wrongSecret = await fetch(await presignUrl({ method: 'GET', url }, { service: 's3', credentials: WRONG }));
    expect(wrongSecret.status).toBe(403);
    expect(await wrongSecret.text()).toContain('<Code>SignatureDoesNotMatch</Code>');

    const old = await presignUrl({ method: 'GET', url }, { service: 's3', expiresIn: 60, signingDate: new Date(Date.now() - 120_000) });
    const expired = await fetch(old);
    expect(expired.status).toBe(403);
    const body = await expired.text();
    expect(body).toContain('<Code>AccessDenied</Code><Message>Request has expired</Message>');
    expect(body).toContain('<X-Amz-Expires>60</X-Amz-Expires>');

    const tooLong = await fetch(get.replace('X-Amz-Expires=60', 'X-Amz-Expires=604801'));
    expect(tooLong.status).toBe(400);
    expect(await tooLong.text()).toContain('<Code>AuthorizationQueryParametersError</Code>');
  });

  it('refuses requests signed more than 15 minutes away from the clock', async () => {
    const twentyMinutesAgo = new Date(Date.now() - 20 * 60_000);
    const s3Res = await signedRequest(
      { method: 'GET', url: `${cloud.url}/signed/plain.txt` },
      { service: 's3', signingDate: twentyMinutesAgo },
    );
    expect(s3Res.status).toBe(403);
    const s3Body = await s3Res.text();
    expect(s3Body).toContain('<Code>RequestTimeTooSkewed</Code>');
    expect(s3Body).toContain('<Message>The difference between the request time and the current time is too large.</Message>');
    expect(s3Body).toContain('<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>');

    const ddbRes = await signedRequest(
      {
        method: 'POST',
        url: `${cloud.url}/`,
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
        body: '{}',
      },
      { service: 'dynamodb', signingDate: twentyMinutesAgo },
    );
    expect(ddbRes.status).toBe(400);
    const ddbBody = (await ddbRes.json()) as { __type: string; message: string };
    expect(ddbBody.__type).toBe('InvalidSignatureException');
    expect(ddbBody.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);

    const future = await signedRequest(
      {
        method: 'POST',
        url: `${cloud.url}/`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'Action=ListRoles&Version=2010-05-08',
      },
      { service: 'iam', signingDate: new Date(Date.now() + 20 * 60_000) },
    );
    expect(future.status).toBe(403);
    expect(await future.text()).toMatch(/<Code>SignatureDoesNotMatch<\/Code><Message>Signature not yet current: /);

    const onTime = await signedRequest({ method: 'GET', url: `${cloud.url}/signed/plain.txt` }, { service: 's3' });
    expect(onTime.status).toBe(200);
  });

  it('refuses an S3 body that does not match its x-amz-content-sha256', async () => {
    const res = await signedRequest({ method: 'PUT', url: `${cloud.url}/signed/hash.txt`, body: 'original' }, { service: 's3' });
    expect(res.status).toBe(200);
    const { Sha256 } = await import('@aws-crypto/sha256-js');
    const { SignatureV4 } = await import('@smithy/signature-v4');
    const signer = new SignatureV4({
      service: 's3',
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      sha256: Sha256,
      uriEscapePath: false,
    });
    const host = new URL(cloud.url).host;
    const declared = 'a'.repeat(64);
    const signed = (await signer.sign({
      method: 'PUT',
      protocol: 'http:',
      hostname: '127.0.0.1',
      path: '/signed/hash.txt',
      headers: { host, 'x-amz-content-sha256': declared },
      body: 'tampered',
    } as never)) as unknown as { headers: Record<string, string> };
    const { host: _host, ...headers } = signed.headers;
    const tampered = await fetch(`${cloud.url}/signed/hash.txt`, { method: 'PUT', headers, body: 'tampered' });
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toContain('<Code>XAmzContentSHA256Mismatch</Code>');
  });

  it('can be turned off', async () => {
    const lax = await startLocalCloud({ port: 0, host: '127.0.0.1', verifySignatures: false });
    try {
      const tables = await new DynamoDBClient({ ...cloud.clientConfig, endpoint: lax.url, credentials: WRONG }).send(
        new ListTablesCommand({}),
      );
      expect(tables.TableNames).toEqual([]);
    } finally {
      await lax.close();
    }
  });
});
