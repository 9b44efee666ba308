import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { signedFetch } from './signed-fetch.js';

/** @aws-sdk/client-sts is not installed: STS is driven by SigV4-signed awsQuery requests, as the SDK sends them. */
describe('STS', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(async () => cloud.close());

  const callerIdentity = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
    signedFetch(`${cloud.url}/`, {
      method: 'POST',
      service: 'sts',
      ...credentials,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });

  it('answers GetCallerIdentity for the account root', async () => {
    const res = await callerIdentity({ accessKeyId: 'test', secretAccessKey: 'test' });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(body).toContain('<Account>000000000000</Account>');
    expect(body).toContain('<Arn>arn:aws:iam::000000000000:root</Arn>');
    expect(body).toContain('<UserId>000000000000</UserId>');
    expect(body).toMatch(/<ResponseMetadata><RequestId>[^<]+<\/RequestId><\/ResponseMetadata>/);
  });

  it('selects the account from a 12-digit access key id', async () => {
    const body = await (await callerIdentity({ accessKeyId: '123456789012', secretAccessKey: 'x' })).text();
    expect(body).toContain('<Account>123456789012</Account>');
    expect(body).toContain('<Arn>arn:aws:iam::123456789012:root</Arn>');
  });

  it('names the IAM user behind an IAM access key', async () => {
    const iam = new IAMClient(cloud.clientConfig);
    const { User } = await iam.send(new CreateUserCommand({ UserName: 'ci' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'ci' }));
    const body = await (
      await callerIdentity({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! })
    ).text();
    expect(body).toContain('<Arn>arn:aws:iam::000000000000:user/ci</Arn>');
    expect(body).toContain(`<UserId>${User!.UserId}</UserId>`);
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
});
