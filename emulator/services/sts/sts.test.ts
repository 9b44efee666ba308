import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { startLocalCloud } from '../../index.js';
import { signedFetch } from './signed-fetch.js';

const trustAccount = (account = '000000000000') =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }],
  });
const LAMBDA_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

async function failure(promise: Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (err) {
    return err as never;
  }
  throw new Error('expected the call to fail');
}

describe('STS', () => {
  let cloud: TestCloud;
  let sts: STSClient;
  let iam: IAMClient;
  beforeAll(async () => {
    cloud = await startTestCloud();
    sts = new STSClient(cloud.clientConfig);
    iam = new IAMClient(cloud.clientConfig);
    await iam.send(new CreateRoleCommand({ RoleName: 'Deployer', AssumeRolePolicyDocument: trustAccount(), MaxSessionDuration: 7200 }));
    await iam.send(new CreateRoleCommand({ RoleName: 'OnlyLambda', AssumeRolePolicyDocument: LAMBDA_TRUST }));
  });
  afterAll(async () => cloud.close());

  it('answers GetCallerIdentity for the account root, on the wire as the SDK parses it', async () => {
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect([me.Account, me.Arn, me.UserId]).toEqual(['000000000000', 'arn:aws:iam::000000000000:root', '000000000000']);
    const res = await signedFetch(`${cloud.url}/`, {
      method: 'POST',
      service: 'sts',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    const body = await res.text();
    expect(body).toContain('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(body).toMatch(/<ResponseMetadata><RequestId>[^<]+<\/RequestId><\/ResponseMetadata>/);
  });

  it('selects the account from a 12-digit access key id', async () => {
    const other = new STSClient({ ...cloud.clientConfig, credentials: { accessKeyId: '123456789012', secretAccessKey: 'x' } });
    const me = await other.send(new GetCallerIdentityCommand({}));
    expect([me.Account, me.Arn]).toEqual(['123456789012', 'arn:aws:iam::123456789012:root']);
  });

  it('names the IAM user behind an IAM access key', async () => {
    const { User } = await iam.send(new CreateUserCommand({ UserName: 'ci' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'ci' }));
    const asCi = new STSClient({
      ...cloud.clientConfig,
      credentials: { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! },
    });
    const me = await asCi.send(new GetCallerIdentityCommand({}));
    expect([me.Arn, me.UserId]).toEqual(['arn:aws:iam::000000000000:user/ci', User!.UserId]);
    const info = await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: AccessKey!.AccessKeyId! }));
    expect(info.Account).toBe('000000000000');
  });

  it('assumes a role that trusts the account and works with its temporary credentials', async () => {
    const before = Date.now();
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/Deployer', RoleSessionName: 'ci-run-1' }));
    const creds = out.Credentials!;
    expect(creds.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(creds.SecretAccessKey).toHaveLength(40);
    expect(creds.SessionToken!.length).toBeGreaterThan(100);
    expect(creds.Expiration!.getTime()).toBeGreaterThanOrEqual(before + 3600_000 - 1000);
    expect(creds.Expiration!.getTime()).toBeLessThanOrEqual(Date.now() + 3600_000 + 1000);
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::000000000000:assumed-role/Deployer/ci-run-1');
    expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z0-9]{17}:ci-run-1$/);

    const session = { accessKeyId: creds.AccessKeyId!, secretAccessKey: creds.SecretAccessKey!, sessionToken: creds.SessionToken! };
    const asRole = new STSClient({ ...cloud.clientConfig, credentials: session });
    const me = await asRole.send(new GetCallerIdentityCommand({}));
    expect([me.Arn, me.UserId, me.Account]).toEqual([out.AssumedRoleUser!.Arn, out.AssumedRoleUser!.AssumedRoleId, '000000000000']);

    const s3 = new S3Client({ ...cloud.clientConfig, credentials: session });
    await new S3Client(cloud.clientConfig).send(new CreateBucketCommand({ Bucket: 'sts-bucket' }));
    await s3.send(new ListObjectsV2Command({ Bucket: 'sts-bucket' }));

    const noToken = { ...cloud.clientConfig, credentials: { ...session, sessionToken: undefined }, maxAttempts: 1 };
    const missing = await failure(new S3Client(noToken).send(new ListObjectsV2Command({ Bucket: 'sts-bucket' })));
    expect([missing.name, missing.message]).toEqual(['InvalidToken', 'The provided token is malformed or otherwise invalid.']);
    const wrongToken = { ...cloud.clientConfig, credentials: { ...session, sessionToken: `${session.sessionToken}x` }, maxAttempts: 1 };
    const wrong = await failure(new STSClient(wrongToken).send(new GetCallerIdentityCommand({})));
    expect([wrong.name, wrong.message]).toEqual(['InvalidClientTokenId', 'The security token included in the request is invalid.']);
  });

  it('limits DurationSeconds by the role and by role chaining', async () => {
    const long = await sts.send(
      new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/Deployer', RoleSessionName: 'long', DurationSeconds: 7200 }),
    );
    expect(long.Credentials!.Expiration!.getTime()).toBeGreaterThan(Date.now() + 7100_000);
    const tooLong = await failure(
      sts.send(
        new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/Deployer', RoleSessionName: 'long', DurationSeconds: 7201 }),
      ),
    );
    expect([tooLong.name, tooLong.message]).toEqual([
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    ]);
    const tooShort = await failure(
      sts.send(
        new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/Deployer', RoleSessionName: 'short', DurationSeconds: 60 }),
      ),
    );
    expect(tooShort.message).toBe(
      "1 validation error detected: Value '60' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
    const badName = await failure(
      sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/Deployer', RoleSessionName: 'a b' })),
    );
    expect(badName.name).toBe('ValidationError');

    const creds = long.Credentials!;
    const chained = new STSClient({
      ...cloud.clientConfig,
      credentials: { accessKeyId: creds.AccessKeyId!, secretAccessKey: creds.SecretAccessKey!, sessionToken: creds.SessionToken! },
    });
    const chainedTooLong = await failure(
      chained.send(
        new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/Deployer', RoleSessionName: 'chain', DurationSeconds: 3601 }),
      ),
    );
    expect(chainedTooLong.message).toBe(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
    const ok = await chained.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/Deployer', RoleSessionName: 'chain' }));
    expect(ok.AssumedRoleUser?.Arn).toBe('arn:aws:sts::000000000000:assumed-role/Deployer/chain');
  });

  it('refuses roles whose trust policy does not name the caller, and roles that do not exist, alike', async () => {
    const untrusted = await failure(
      sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/OnlyLambda', RoleSessionName: 's1' })),
    );
    expect([untrusted.name, untrusted.message, untrusted.$metadata.httpStatusCode]).toEqual([
      'AccessDenied',
      'User: arn:aws:iam::000000000000:root is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::000000000000:role/OnlyLambda',
      403,
    ]);
    const missing = await failure(
      sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/Nobody', RoleSessionName: 's1' })),
    );
    expect(missing.message).toBe(
      'User: arn:aws:iam::000000000000:root is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::000000000000:role/Nobody',
    );
  });

  it('answers an operation it does not implement with an AWS error naming it', async () => {
    const res = await signedFetch(`${cloud.url}/`, {
      method: 'POST',
      service: 'sts',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetSessionToken&Version=2011-06-15',
    });
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain('<Code>UnknownOperationException</Code>');
    expect(body).toContain('GetSessionToken');
  });

  it('keeps temporary credentials across a restart', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'sts-restart-'));
    try {
      const first = await startLocalCloud({ port: 0, host: '127.0.0.1', stateDir });
      const config = { ...cloud.clientConfig, endpoint: first.url };
      await new IAMClient(config).send(new CreateRoleCommand({ RoleName: 'Durable', AssumeRolePolicyDocument: trustAccount() }));
      const { Credentials } = await new STSClient(config).send(
        new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/Durable', RoleSessionName: 'survivor' }),
      );
      await first.close();
      const again = await startLocalCloud({ port: 0, host: '127.0.0.1', stateDir });
      try {
        const asRole = new STSClient({
          ...cloud.clientConfig,
          endpoint: again.url,
          credentials: {
            accessKeyId: Credentials!.AccessKeyId!,
            secretAccessKey: Credentials!.SecretAccessKey!,
            sessionToken: Credentials!.SessionToken!,
          },
        });
        expect((await asRole.send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws:sts::000000000000:assumed-role/Durable/survivor');
      } finally {
        await again.close();
      }
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
