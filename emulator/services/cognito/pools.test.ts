import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolClientCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { cognitoClient, failure } from './test-support.js';

describe('Cognito user pools and app clients', () => {
  let cloud: TestCloud;
  let cognito: ReturnType<typeof cognitoClient>;
  beforeAll(async () => {
    cloud = await startTestCloud();
    cognito = cognitoClient(cloud);
  });
  afterAll(async () => cloud.close());

  it('creates a pool with AWS ids, ARN, default password policy and schema', async () => {
    const { UserPool } = await cognito.send(
      new CreateUserPoolCommand({
        PoolName: 'ChatPool',
        AutoVerifiedAttributes: ['email'],
        Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true }],
        LambdaConfig: { PreSignUp: 'arn:aws:lambda:us-east-1:000000000000:function:pre' },
        UserPoolTags: { app: 'chat' },
      }),
    );
    expect(UserPool?.Id).toMatch(/^us-east-1_[0-9A-Za-z]{9}$/);
    expect(UserPool?.Arn).toBe(`arn:aws:cognito-idp:us-east-1:000000000000:userpool/${UserPool?.Id}`);
    expect(UserPool?.Name).toBe('ChatPool');
    expect(UserPool?.Policies?.PasswordPolicy).toMatchObject({
      MinimumLength: 8,
      RequireUppercase: true,
      RequireLowercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
      TemporaryPasswordValidityDays: 7,
    });
    expect(UserPool?.LambdaConfig).toEqual({ PreSignUp: 'arn:aws:lambda:us-east-1:000000000000:function:pre' });
    expect(UserPool?.AutoVerifiedAttributes).toEqual(['email']);
    expect(UserPool?.MfaConfiguration).toBe('OFF');
    expect(UserPool?.EstimatedNumberOfUsers).toBe(0);
    expect(UserPool?.CreationDate).toBeInstanceOf(Date);
    expect(Math.abs(UserPool!.CreationDate!.getTime() - Date.now())).toBeLessThan(60_000);
    const email = UserPool?.SchemaAttributes?.find((a) => a.Name === 'email');
    expect(email).toEqual({
      Name: 'email',
      AttributeDataType: 'String',
      DeveloperOnlyAttribute: false,
      Mutable: true,
      Required: true,
      StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' },
    });
    expect(UserPool?.SchemaAttributes?.find((a) => a.Name === 'sub')).toMatchObject({ Required: true, Mutable: false });

    const described = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: UserPool!.Id }));
    expect(described.UserPool?.Id).toBe(UserPool?.Id);
    expect(described.UserPool?.UserPoolTags).toEqual({ app: 'chat' });
  });

  it('keeps a custom password policy and custom attributes', async () => {
    const { UserPool } = await cognito.send(
      new CreateUserPoolCommand({
        PoolName: 'Custom',
        Policies: { PasswordPolicy: { MinimumLength: 12, RequireNumbers: true } },
        Schema: [{ Name: 'team', AttributeDataType: 'String' }],
        UsernameAttributes: ['email'],
      }),
    );
    expect(UserPool?.Policies?.PasswordPolicy).toMatchObject({
      MinimumLength: 12,
      RequireNumbers: true,
      RequireUppercase: false,
      RequireLowercase: false,
      RequireSymbols: false,
    });
    expect(UserPool?.SchemaAttributes?.find((a) => a.Name === 'custom:team')).toMatchObject({ AttributeDataType: 'String', Mutable: true });
    expect(UserPool?.UsernameAttributes).toEqual(['email']);
  });

  it('refuses bad pool input with AWS errors', async () => {
    expect(await failure(cognito.send(new CreateUserPoolCommand({ PoolName: undefined as never })))).toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'poolName' failed to satisfy constraint: Member must not be null",
    });
    expect(
      await failure(cognito.send(new CreateUserPoolCommand({ PoolName: 'p', Policies: { PasswordPolicy: { MinimumLength: 5 } } }))),
    ).toMatchObject({
      name: 'InvalidParameterException',
      message:
        "1 validation error detected: Value '5' at 'policies.passwordPolicy.minimumLength' failed to satisfy constraint: Member must have value greater than or equal to 6",
    });
    expect(
      await failure(
        cognito.send(new CreateUserPoolCommand({ PoolName: 'p', Schema: [{ Name: 'team', AttributeDataType: 'String', Required: true }] })),
      ),
    ).toEqual({ name: 'InvalidParameterException', message: 'Required custom attributes are not supported currently.', status: 400 });
    expect(await failure(cognito.send(new DescribeUserPoolCommand({ UserPoolId: 'us-east-1_NoSuchPo0' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_NoSuchPo0 does not exist.',
      status: 400,
    });
    expect(await failure(cognito.send(new ListUserPoolsCommand({} as never)))).toMatchObject({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null",
    });
    expect(await failure(cognito.send(new ListUserPoolsCommand({ MaxResults: 61 })))).toMatchObject({
      message:
        "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60",
    });
  });

  it('lists pools page by page, updates and deletes them', async () => {
    const other = cognitoClient(cloud, 'eu-west-1');
    const ids: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      const { UserPool } = await other.send(new CreateUserPoolCommand({ PoolName: name }));
      ids.push(UserPool!.Id!);
    }
    expect(ids.every((id) => id.startsWith('eu-west-1_'))).toBe(true);
    const first = await other.send(new ListUserPoolsCommand({ MaxResults: 2 }));
    expect(first.UserPools?.map((p) => p.Name)).toEqual(['a', 'b']);
    expect(first.NextToken).toBeTruthy();
    const second = await other.send(new ListUserPoolsCommand({ MaxResults: 2, NextToken: first.NextToken }));
    expect(second.UserPools?.map((p) => p.Name)).toEqual(['c']);
    expect(second.NextToken).toBeUndefined();
    expect(second.UserPools?.[0]).toMatchObject({ Id: ids[2], LambdaConfig: {} });

    // Pools are regional: us-east-1 does not see them.
    const east = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    expect(east.UserPools?.some((p) => ids.includes(p.Id!))).toBe(false);

    const postConfirmation = 'arn:aws:lambda:eu-west-1:000000000000:function:post';
    await other.send(
      new UpdateUserPoolCommand({
        UserPoolId: ids[0],
        AutoVerifiedAttributes: ['email'],
        LambdaConfig: { PostConfirmation: postConfirmation },
      }),
    );
    const updated = await other.send(new DescribeUserPoolCommand({ UserPoolId: ids[0] }));
    expect(updated.UserPool?.AutoVerifiedAttributes).toEqual(['email']);
    expect(updated.UserPool?.LambdaConfig).toEqual({ PostConfirmation: postConfirmation });
    expect(
      await failure(other.send(new UpdateUserPoolCommand({ UserPoolId: ids[0], LambdaConfig: { PreSignUp: 'not-an-arn-of-a-function' } }))),
    ).toEqual({
      name: 'InvalidParameterException',
      message:
        "1 validation error detected: Value 'not-an-arn-of-a-function' at 'lambdaConfig.preSignUp' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?",
      status: 400,
    });
    expect(updated.UserPool?.Name).toBe('a');

    await other.send(new UpdateUserPoolCommand({ UserPoolId: ids[1], DeletionProtection: 'ACTIVE' }));
    expect(await failure(other.send(new DeleteUserPoolCommand({ UserPoolId: ids[1] })))).toEqual({
      name: 'InvalidParameterException',
      message: 'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.',
      status: 400,
    });
    await other.send(new DeleteUserPoolCommand({ UserPoolId: ids[0] }));
    expect((await failure(other.send(new DescribeUserPoolCommand({ UserPoolId: ids[0] })))).name).toBe('ResourceNotFoundException');
  });

  it('creates, describes, lists, updates and deletes app clients', async () => {
    const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: 'clients' }));
    const poolId = UserPool!.Id!;
    const { UserPoolClient } = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'web',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AccessTokenValidity: 30,
        IdTokenValidity: 30,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes' },
      }),
    );
    expect(UserPoolClient?.ClientId).toMatch(/^[a-z0-9]{26}$/);
    expect(UserPoolClient?.ClientSecret).toBeUndefined();
    expect(UserPoolClient).toMatchObject({
      UserPoolId: poolId,
      ClientName: 'web',
      RefreshTokenValidity: 30,
      AccessTokenValidity: 30,
      IdTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes' },
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: false,
      EnableTokenRevocation: true,
      AuthSessionValidity: 3,
    });
    const secret = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'server', GenerateSecret: true }));
    expect(secret.UserPoolClient?.ClientSecret).toMatch(/^[a-z0-9]{52}$/);

    const described = await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: UserPoolClient!.ClientId }));
    expect(described.UserPoolClient).toEqual(UserPoolClient);

    const listed = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 1 }));
    expect(listed.UserPoolClients).toEqual([{ ClientId: UserPoolClient!.ClientId, UserPoolId: poolId, ClientName: 'web' }]);
    const rest = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 1, NextToken: listed.NextToken }));
    expect(rest.UserPoolClients?.map((c) => c.ClientName)).toEqual(['server']);
    expect(rest.NextToken).toBeUndefined();

    // An update resets what it leaves out, as in AWS.
    const updated = await cognito.send(
      new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: UserPoolClient!.ClientId, PreventUserExistenceErrors: 'ENABLED' }),
    );
    expect(updated.UserPoolClient?.ClientName).toBe('web');
    expect(updated.UserPoolClient?.PreventUserExistenceErrors).toBe('ENABLED');
    expect(updated.UserPoolClient?.ExplicitAuthFlows).toBeUndefined();
    expect(updated.UserPoolClient?.AccessTokenValidity).toBeUndefined();

    await cognito.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: UserPoolClient!.ClientId }));
    expect(
      await failure(cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: UserPoolClient!.ClientId }))),
    ).toEqual({
      name: 'ResourceNotFoundException',
      message: `User pool client ${UserPoolClient!.ClientId} does not exist.`,
      status: 400,
    });
  });

  it('refuses client settings AWS refuses', async () => {
    const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: 'bad-clients' }));
    const poolId = UserPool!.Id!;
    expect(
      await failure(
        cognito.send(
          new CreateUserPoolClientCommand({
            UserPoolId: poolId,
            ClientName: 'c',
            AccessTokenValidity: 2,
            TokenValidityUnits: { AccessToken: 'days' },
          }),
        ),
      ),
    ).toEqual({ name: 'InvalidParameterException', message: 'Invalid range for token validity.', status: 400 });
    expect(
      await failure(
        cognito.send(
          new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }),
        ),
      ),
    ).toEqual({ name: 'InvalidParameterException', message: 'REFRESH_TOKEN_AUTH should always be allowed.', status: 400 });
    expect(
      await failure(cognito.send(new CreateUserPoolClientCommand({ UserPoolId: 'us-east-1_Missing00', ClientName: 'c' }))),
    ).toMatchObject({ name: 'ResourceNotFoundException', message: 'User pool us-east-1_Missing00 does not exist.' });
    expect(
      await failure(
        cognito.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'c', ExplicitAuthFlows: ['NOPE' as never] })),
      ),
    ).toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringMatching(/^1 validation error detected: Value '\[NOPE\]' at 'explicitAuthFlows'/),
    });
  });
});
