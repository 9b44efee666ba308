import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  type IAMServiceException,
  ListAccessKeysCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  ListUserPoliciesCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { ServiceRegistry } from '../../core/service.js';
import { openStore } from '../../core/store.js';
import { startLocalCloud } from '../../index.js';
import { IamService } from './index.js';

const LAMBDA_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

const DYNAMO_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['dynamodb:PutItem', 'dynamodb:Query'],
      Resource: 'arn:aws:dynamodb:us-east-1:000000000000:table/Chat-Messages',
    },
  ],
});

const BASIC_EXECUTION = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';

async function failure(promise: Promise<unknown>): Promise<IAMServiceException> {
  try {
    await promise;
  } catch (err) {
    return err as IAMServiceException;
  }
  throw new Error('expected the call to fail');
}

describe('IAM', () => {
  let cloud: TestCloud;
  let iam: IAMClient;
  beforeAll(async () => {
    cloud = await startTestCloud();
    iam = new IAMClient(cloud.clientConfig);
  });
  afterAll(async () => cloud.close());

  describe('roles', () => {
    it('creates a role with AWS ids, ARN and the trust policy URL-encoded', async () => {
      const { Role } = await iam.send(
        new CreateRoleCommand({
          RoleName: 'Lambda-Role-ChatApp',
          AssumeRolePolicyDocument: LAMBDA_TRUST,
          Description: 'chat',
          Tags: [{ Key: 'app', Value: 'chat' }],
        }),
      );
      expect(Role?.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
      expect(Role?.Arn).toBe('arn:aws:iam::000000000000:role/Lambda-Role-ChatApp');
      expect(Role?.Path).toBe('/');
      expect(Role?.CreateDate).toBeInstanceOf(Date);
      expect(Role?.AssumeRolePolicyDocument).toBe(encodeURIComponent(LAMBDA_TRUST));
      const got = await iam.send(new GetRoleCommand({ RoleName: 'Lambda-Role-ChatApp' }));
      expect(got.Role?.RoleId).toBe(Role?.RoleId);
      expect(got.Role?.MaxSessionDuration).toBe(3600);
      expect(got.Role?.Description).toBe('chat');
      expect(got.Role?.Tags).toEqual([{ Key: 'app', Value: 'chat' }]);
      expect(JSON.parse(decodeURIComponent(got.Role!.AssumeRolePolicyDocument!))).toEqual(JSON.parse(LAMBDA_TRUST));
    });

    it('puts the path in the ARN', async () => {
      const { Role } = await iam.send(
        new CreateRoleCommand({ RoleName: 'with-path', Path: '/service-role/', AssumeRolePolicyDocument: LAMBDA_TRUST }),
      );
      expect(Role?.Arn).toBe('arn:aws:iam::000000000000:role/service-role/with-path');
      const listed = await iam.send(new ListRolesCommand({ PathPrefix: '/service-role/' }));
      expect(listed.Roles?.map((r) => r.RoleName)).toEqual(['with-path']);
    });

    it('answers EntityAlreadyExists and NoSuchEntity with AWS messages', async () => {
      await iam.send(new CreateRoleCommand({ RoleName: 'dup-role', AssumeRolePolicyDocument: LAMBDA_TRUST }));
      const dup = await failure(iam.send(new CreateRoleCommand({ RoleName: 'DUP-ROLE', AssumeRolePolicyDocument: LAMBDA_TRUST })));
      expect(dup.name).toBe('EntityAlreadyExistsException');
      expect(dup.message).toBe('Role with name DUP-ROLE already exists.');
      expect(dup.$metadata.httpStatusCode).toBe(409);
      const missing = await failure(iam.send(new GetRoleCommand({ RoleName: 'nobody' })));
      expect(missing.name).toBe('NoSuchEntityException');
      expect(missing.message).toBe('The role with name nobody cannot be found.');
      expect(missing.$metadata.httpStatusCode).toBe(404);
    });

    it('validates names and trust policies', async () => {
      const badName = await failure(iam.send(new CreateRoleCommand({ RoleName: 'bad name!', AssumeRolePolicyDocument: LAMBDA_TRUST })));
      expect(badName.name).toBe('ValidationError');
      const notJson = await failure(iam.send(new CreateRoleCommand({ RoleName: 'r1', AssumeRolePolicyDocument: '{not json' })));
      expect(notJson.name).toBe('MalformedPolicyDocumentException');
      expect(notJson.message).toBe('This policy contains invalid Json');
      const withResource = JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }],
      });
      const prohibited = await failure(iam.send(new CreateRoleCommand({ RoleName: 'r2', AssumeRolePolicyDocument: withResource })));
      expect(prohibited.message).toBe('Has prohibited field Resource');
    });

    it('updates the trust policy and tags', async () => {
      await iam.send(new CreateRoleCommand({ RoleName: 'mutable', AssumeRolePolicyDocument: LAMBDA_TRUST }));
      const apiGatewayTrust = LAMBDA_TRUST.replace('lambda.amazonaws.com', 'apigateway.amazonaws.com');
      await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'mutable', PolicyDocument: apiGatewayTrust }));
      const got = await iam.send(new GetRoleCommand({ RoleName: 'mutable' }));
      expect(decodeURIComponent(got.Role!.AssumeRolePolicyDocument!)).toBe(apiGatewayTrust);
      await iam.send(
        new TagRoleCommand({
          RoleName: 'mutable',
          Tags: [
            { Key: 'a', Value: '1' },
            { Key: 'b', Value: '2' },
          ],
        }),
      );
      await iam.send(new UntagRoleCommand({ RoleName: 'mutable', TagKeys: ['a'] }));
      const tags = await iam.send(new ListRoleTagsCommand({ RoleName: 'mutable' }));
      expect(tags.Tags).toEqual([{ Key: 'b', Value: '2' }]);
    });

    it('keeps inline policies, URL-encoded on the way out', async () => {
      await iam.send(new CreateRoleCommand({ RoleName: 'inline', AssumeRolePolicyDocument: LAMBDA_TRUST }));
      await iam.send(new PutRolePolicyCommand({ RoleName: 'inline', PolicyName: 'dynamo', PolicyDocument: DYNAMO_POLICY }));
      const got = await iam.send(new GetRolePolicyCommand({ RoleName: 'inline', PolicyName: 'dynamo' }));
      expect(got.PolicyDocument).toBe(encodeURIComponent(DYNAMO_POLICY));
      const names = await iam.send(new ListRolePoliciesCommand({ RoleName: 'inline' }));
      expect(names.PolicyNames).toEqual(['dynamo']);
      const conflict = await failure(iam.send(new DeleteRoleCommand({ RoleName: 'inline' })));
      expect(conflict.name).toBe('DeleteConflictException');
      expect(conflict.message).toBe('Cannot delete entity, must delete policies first.');
      await iam.send(new DeleteRolePolicyCommand({ RoleName: 'inline', PolicyName: 'dynamo' }));
      const gone = await failure(iam.send(new GetRolePolicyCommand({ RoleName: 'inline', PolicyName: 'dynamo' })));
      expect(gone.message).toBe('The role policy with name dynamo cannot be found.');
      await iam.send(new DeleteRoleCommand({ RoleName: 'inline' }));
      const bad = await failure(
        iam.send(
          new PutRolePolicyCommand({
            RoleName: 'mutable',
            PolicyName: 'p',
            PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'PutItem', Resource: '*' }] }),
          }),
        ),
      );
      expect(bad.name).toBe('MalformedPolicyDocumentException');
      expect(bad.message).toBe('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
    });
  });

  describe('managed policies', () => {
    it('attaches AWS managed policies, which carry their real documents', async () => {
      await iam.send(new CreateRoleCommand({ RoleName: 'basic', AssumeRolePolicyDocument: LAMBDA_TRUST }));
      await iam.send(new AttachRolePolicyCommand({ RoleName: 'basic', PolicyArn: BASIC_EXECUTION }));
      const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'basic' }));
      expect(attached.AttachedPolicies).toEqual([{ PolicyName: 'AWSLambdaBasicExecutionRole', PolicyArn: BASIC_EXECUTION }]);
      const policy = await iam.send(new GetPolicyCommand({ PolicyArn: BASIC_EXECUTION }));
      expect(policy.Policy).toMatchObject({
        PolicyId: 'ANPAJNCQGXC42545SKXIK',
        DefaultVersionId: 'v1',
        Path: '/service-role/',
        AttachmentCount: 1,
      });
      const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: BASIC_EXECUTION, VersionId: 'v1' }));
      expect(JSON.parse(decodeURIComponent(version.PolicyVersion!.Document!)).Statement[0].Action).toEqual([
        'logs:CreateLogGroup',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
      ]);
      const conflict = await failure(iam.send(new DeleteRoleCommand({ RoleName: 'basic' })));
      expect(conflict.message).toBe('Cannot delete entity, must detach all policies first.');
      const unknown = 'arn:aws:iam::aws:policy/NoSuchManagedPolicy';
      const missing = await failure(iam.send(new AttachRolePolicyCommand({ RoleName: 'basic', PolicyArn: unknown })));
      expect(missing.name).toBe('NoSuchEntityException');
      expect(missing.message).toBe(`Policy ${unknown} does not exist or is not attachable.`);
      await iam.send(new DetachRolePolicyCommand({ RoleName: 'basic', PolicyArn: BASIC_EXECUTION }));
      const notAttached = await failure(iam.send(new DetachRolePolicyCommand({ RoleName: 'basic', PolicyArn: BASIC_EXECUTION })));
      expect(notAttached.message).toBe(`Policy ${BASIC_EXECUTION} was not found.`);
      await iam.send(new DeleteRoleCommand({ RoleName: 'basic' }));
    });

    it('creates customer managed policies with versions', async () => {
      const { Policy } = await iam.send(
        new CreatePolicyCommand({ PolicyName: 'chat-dynamo', PolicyDocument: DYNAMO_POLICY, Description: 'tables' }),
      );
      expect(Policy?.PolicyId).toMatch(/^ANPA[A-Z0-9]{17}$/);
      expect(Policy?.Arn).toBe('arn:aws:iam::000000000000:policy/chat-dynamo');
      expect(Policy?.DefaultVersionId).toBe('v1');
      const dup = await failure(iam.send(new CreatePolicyCommand({ PolicyName: 'chat-dynamo', PolicyDocument: DYNAMO_POLICY })));
      expect(dup.message).toBe('A policy called chat-dynamo already exists. Duplicate names are not allowed.');
      const arn = Policy!.Arn!;
      const v2 = await iam.send(
        new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: DYNAMO_POLICY.replace('Query', 'GetItem'), SetAsDefault: true }),
      );
      expect(v2.PolicyVersion).toMatchObject({ VersionId: 'v2', IsDefaultVersion: true });
      const got = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
      expect(got.Policy).toMatchObject({ DefaultVersionId: 'v2', Description: 'tables' });
      const versions = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
      expect(versions.Versions?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
        ['v2', true],
        ['v1', false],
      ]);
      const local = await iam.send(new ListPoliciesCommand({ Scope: 'Local' }));
      expect(local.Policies?.map((p) => p.PolicyName)).toEqual(['chat-dynamo']);
      const aws = await iam.send(new ListPoliciesCommand({ Scope: 'AWS' }));
      expect(aws.Policies?.map((p) => p.Arn)).toContain(BASIC_EXECUTION);
      const multi = await failure(iam.send(new DeletePolicyCommand({ PolicyArn: arn })));
      expect(multi.name).toBe('DeleteConflictException');
      await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
      await iam.send(new CreateRoleCommand({ RoleName: 'customer', AssumeRolePolicyDocument: LAMBDA_TRUST }));
      await iam.send(new AttachRolePolicyCommand({ RoleName: 'customer', PolicyArn: arn }));
      const attachedConflict = await failure(iam.send(new DeletePolicyCommand({ PolicyArn: arn })));
      expect(attachedConflict.message).toBe('Cannot delete a policy attached to entities.');
      await iam.send(new DetachRolePolicyCommand({ RoleName: 'customer', PolicyArn: arn }));
      await iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
      const gone = await failure(iam.send(new GetPolicyCommand({ PolicyArn: arn })));
      expect(gone.name).toBe('NoSuchEntityException');
    });
  });

  describe('users and access keys', () => {
    it('creates users and access keys whose secrets the edge can look up', async () => {
      const { User } = await iam.send(new CreateUserCommand({ UserName: 'deployer' }));
      expect(User?.UserId).toMatch(/^AIDA[A-Z0-9]{17}$/);
      expect(User?.Arn).toBe('arn:aws:iam::000000000000:user/deployer');
      const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'deployer' }));
      expect(AccessKey?.AccessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
      expect(AccessKey?.SecretAccessKey).toHaveLength(40);
      expect(AccessKey?.Status).toBe('Active');
      const keys = await iam.send(new ListAccessKeysCommand({ UserName: 'deployer' }));
      expect(keys.AccessKeyMetadata?.map((k) => k.AccessKeyId)).toEqual([AccessKey?.AccessKeyId]);

      const asDeployer = new IAMClient({
        ...cloud.clientConfig,
        credentials: { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! },
      });
      const me = await asDeployer.send(new GetUserCommand({}));
      expect(me.User?.UserName).toBe('deployer');

      const conflict = await failure(iam.send(new DeleteUserCommand({ UserName: 'deployer' })));
      expect(conflict.message).toBe('Cannot delete entity, must delete access keys first.');
      await iam.send(new DeleteAccessKeyCommand({ UserName: 'deployer', AccessKeyId: AccessKey!.AccessKeyId! }));
      const missingKey = await failure(
        iam.send(new DeleteAccessKeyCommand({ UserName: 'deployer', AccessKeyId: AccessKey!.AccessKeyId! })),
      );
      expect(missingKey.message).toBe(`The Access Key with id ${AccessKey!.AccessKeyId} cannot be found.`);
      await iam.send(new DeleteUserCommand({ UserName: 'deployer' }));
      const gone = await failure(iam.send(new GetUserCommand({ UserName: 'deployer' })));
      expect(gone.message).toBe('The user with name deployer cannot be found.');
    });

    it('keeps inline and attached user policies, which block deleting the user', async () => {
      await iam.send(new CreateUserCommand({ UserName: 'reader' }));
      const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
      await iam.send(new PutUserPolicyCommand({ UserName: 'reader', PolicyName: 'read', PolicyDocument: document }));
      expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'reader' }))).PolicyNames).toEqual(['read']);
      const got = await iam.send(new GetUserPolicyCommand({ UserName: 'reader', PolicyName: 'read' }));
      expect(decodeURIComponent(got.PolicyDocument!)).toBe(document);
      const missing = await failure(iam.send(new GetUserPolicyCommand({ UserName: 'reader', PolicyName: 'nope' })));
      expect(missing.message).toBe('The user policy with name nope cannot be found.');

      await iam.send(new AttachUserPolicyCommand({ UserName: 'reader', PolicyArn: BASIC_EXECUTION }));
      const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'reader' }));
      expect(attached.AttachedPolicies?.map((p) => p.PolicyArn)).toEqual([BASIC_EXECUTION]);
      const entities = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: BASIC_EXECUTION, EntityFilter: 'User' }));
      expect(entities.PolicyUsers?.map((u) => u.UserName)).toEqual(['reader']);

      const blocked = await failure(iam.send(new DeleteUserCommand({ UserName: 'reader' })));
      expect([blocked.name, blocked.message]).toEqual(['DeleteConflictException', 'Cannot delete entity, must delete policies first.']);
      await iam.send(new DeleteUserPolicyCommand({ UserName: 'reader', PolicyName: 'read' }));
      const stillAttached = await failure(iam.send(new DeleteUserCommand({ UserName: 'reader' })));
      expect(stillAttached.message).toBe('Cannot delete entity, must detach all policies first.');
      await iam.send(new DetachUserPolicyCommand({ UserName: 'reader', PolicyArn: BASIC_EXECUTION }));
      await iam.send(new DeleteUserCommand({ UserName: 'reader' }));
    });

    it('limits a user to two access keys', async () => {
      await iam.send(new CreateUserCommand({ UserName: 'keyring' }));
      await iam.send(new CreateAccessKeyCommand({ UserName: 'keyring' }));
      await iam.send(new CreateAccessKeyCommand({ UserName: 'keyring' }));
      const third = await failure(iam.send(new CreateAccessKeyCommand({ UserName: 'keyring' })));
      expect(third.name).toBe('LimitExceededException');
      expect(third.message).toBe('Cannot exceed quota for AccessKeysPerUser: 2');
    });
  });

  it('keeps IAM global: a role created through one region is seen from another', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'global-role', AssumeRolePolicyDocument: LAMBDA_TRUST }));
    const west = new IAMClient({ ...cloud.clientConfig, region: 'eu-west-1' });
    const got = await west.send(new GetRoleCommand({ RoleName: 'global-role' }));
    expect(got.Role?.Arn).toBe('arn:aws:iam::000000000000:role/global-role');
  });

  it('keeps roles, policies and keys across a restart', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'iam-restart-'));
    try {
      const first = await startLocalCloud({ port: 0, host: '127.0.0.1', stateDir });
      const client1 = new IAMClient({ ...cloud.clientConfig, endpoint: first.url });
      const { Role } = await client1.send(new CreateRoleCommand({ RoleName: 'durable', AssumeRolePolicyDocument: LAMBDA_TRUST }));
      await client1.send(new AttachRolePolicyCommand({ RoleName: 'durable', PolicyArn: BASIC_EXECUTION }));
      await client1.send(new CreateUserCommand({ UserName: 'durable-user' }));
      const { AccessKey } = await client1.send(new CreateAccessKeyCommand({ UserName: 'durable-user' }));
      await first.close();

      // The internal API the edge uses to verify signatures, reading the same state.
      const service = new IamService({ store: openStore(stateDir), services: new ServiceRegistry(), edgeUrl: () => '', log: () => {} });
      expect(service.secretFor(AccessKey!.AccessKeyId!)).toEqual({
        secretAccessKey: AccessKey!.SecretAccessKey,
        account: '000000000000',
        userName: 'durable-user',
        active: true,
      });
      expect(service.secretFor('AKIAUNKNOWN000000000')).toBeUndefined();
      expect(service.identityFor(AccessKey!.AccessKeyId!, '000000000000').arn).toBe('arn:aws:iam::000000000000:user/durable-user');
      expect(service.findRole('000000000000', 'arn:aws:iam::000000000000:role/durable')?.roleId).toBe(Role?.RoleId);
      expect(service.rolePolicies('000000000000', 'durable')[0]?.Statement).toBeDefined();

      const again = await startLocalCloud({ port: 0, host: '127.0.0.1', stateDir });
      try {
        const client = new IAMClient({ ...cloud.clientConfig, endpoint: again.url });
        const got = await client.send(new GetRoleCommand({ RoleName: 'durable' }));
        expect(got.Role?.RoleId).toBe(Role?.RoleId);
        const attached = await client.send(new ListAttachedRolePoliciesCommand({ RoleName: 'durable' }));
        expect(attached.AttachedPolicies?.map((p) => p.PolicyArn)).toEqual([BASIC_EXECUTION]);
        const asUser = new IAMClient({
          ...cloud.clientConfig,
          endpoint: again.url,
          credentials: { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! },
        });
        expect((await asUser.send(new GetUserCommand({}))).User?.UserName).toBe('durable-user');
      } finally {
        await again.close();
      }
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
