import {
  AdminConfirmSignUpCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  DeleteUserCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { cognitoClient, createChatPool, failure, PASSWORD } from './test-support.js';

const NAMES = ['amy', 'andrew', 'bea', 'carl', 'dina', 'ed', 'fay'];

describe('Cognito users', () => {
  let cloud: TestCloud;
  let cognito: ReturnType<typeof cognitoClient>;
  let ids: { poolId: string; clientId: string };
  beforeAll(async () => {
    cloud = await startTestCloud();
    cognito = cognitoClient(cloud);
    ids = await createChatPool(cognito);
    for (const name of NAMES) {
      await cognito.send(
        new SignUpCommand({
          ClientId: ids.clientId,
          Username: name,
          Password: PASSWORD,
          UserAttributes: [{ Name: 'email', Value: `${name}@Example.com` }],
        }),
      );
    }
    await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: ids.poolId, Username: 'bea' }));
  });
  afterAll(async () => cloud.close());

  it('lists users page by page', async () => {
    const seen: string[] = [];
    let PaginationToken: string | undefined;
    let pages = 0;
    do {
      const page = await cognito.send(new ListUsersCommand({ UserPoolId: ids.poolId, Limit: 3, PaginationToken }));
      expect(page.Users!.length).toBeLessThanOrEqual(3);
      seen.push(...page.Users!.map((u) => u.Username!));
      PaginationToken = page.PaginationToken;
      pages++;
    } while (PaginationToken);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...NAMES].sort());

    const all = await cognito.send(new ListUsersCommand({ UserPoolId: ids.poolId }));
    expect(all.Users).toHaveLength(NAMES.length);
    expect(all.PaginationToken).toBeUndefined();
    const bea = all.Users!.find((u) => u.Username === 'bea')!;
    expect(bea).toMatchObject({ Enabled: true, UserStatus: 'CONFIRMED' });
    expect(bea.UserCreateDate).toBeInstanceOf(Date);
    expect(bea.Attributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: 'bea@Example.com' }]));
    expect(bea.Attributes?.map((a) => a.Name)).toContain('sub');
  });

  it('filters users as ListUsers does', async () => {
    const names = async (Filter: string) =>
      ((await cognito.send(new ListUsersCommand({ UserPoolId: ids.poolId, Filter }))).Users ?? []).map((u) => u.Username).sort();
    expect(await names('username = "carl"')).toEqual(['carl']);
    expect(await names('username="Carl"')).toEqual([]);
    expect(await names('email ^= "a"')).toEqual(['amy', 'andrew']);
    expect(await names('email = "dina@example.com"')).toEqual(['dina']);
    expect(await names('cognito:user_status = "CONFIRMED"')).toEqual(['bea']);
    expect(await names('status = "Enabled"')).toHaveLength(NAMES.length);
    expect(await names('family_name = ""')).toEqual([]);
    expect(await names('')).toHaveLength(NAMES.length);

    const attrs = await cognito.send(
      new ListUsersCommand({ UserPoolId: ids.poolId, Filter: 'username = "ed"', AttributesToGet: ['email'] }),
    );
    expect(attrs.Users?.[0]?.Attributes).toEqual([{ Name: 'email', Value: 'ed@Example.com' }]);
  });

  it('refuses bad ListUsers input with AWS errors', async () => {
    expect(await failure(cognito.send(new ListUsersCommand({ UserPoolId: ids.poolId, Filter: 'username = carl' })))).toEqual({
      name: 'InvalidParameterException',
      message: 'Error while parsing filter',
      status: 400,
    });
    expect(await failure(cognito.send(new ListUsersCommand({ UserPoolId: ids.poolId, Filter: 'custom:team = "x"' })))).toEqual({
      name: 'InvalidParameterException',
      message: 'Invalid search attribute: custom:team',
      status: 400,
    });
    expect(await failure(cognito.send(new ListUsersCommand({ UserPoolId: ids.poolId, Limit: 61 })))).toEqual({
      name: 'InvalidParameterException',
      message:
        "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60",
      status: 400,
    });
    expect(await failure(cognito.send(new ListUsersCommand({ UserPoolId: 'us-east-1_NoSuchPo0' })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_NoSuchPo0 does not exist.',
      status: 400,
    });
  });

  it('gets and deletes users by admin, and lets users delete themselves', async () => {
    const fay = await cognito.send(new AdminGetUserCommand({ UserPoolId: ids.poolId, Username: 'fay' }));
    expect(fay).toMatchObject({ Username: 'fay', Enabled: true, UserStatus: 'UNCONFIRMED' });
    await cognito.send(new AdminDeleteUserCommand({ UserPoolId: ids.poolId, Username: 'fay' }));
    expect(await failure(cognito.send(new AdminGetUserCommand({ UserPoolId: ids.poolId, Username: 'fay' })))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
      status: 400,
    });
    expect((await failure(cognito.send(new AdminDeleteUserCommand({ UserPoolId: ids.poolId, Username: 'fay' })))).name).toBe(
      'UserNotFoundException',
    );

    const login = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: 'bea', PASSWORD } }),
    );
    const { AccessToken, RefreshToken } = login.AuthenticationResult!;
    await cognito.send(new DeleteUserCommand({ AccessToken }));
    expect(await failure(cognito.send(new GetUserCommand({ AccessToken })))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
      status: 400,
    });
    expect(
      await failure(
        cognito.send(
          new InitiateAuthCommand({
            AuthFlow: 'REFRESH_TOKEN_AUTH',
            ClientId: ids.clientId,
            AuthParameters: { REFRESH_TOKEN: RefreshToken! },
          }),
        ),
      ),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token', status: 400 });
    const remaining = await cognito.send(new ListUsersCommand({ UserPoolId: ids.poolId }));
    expect(remaining.Users?.map((u) => u.Username).sort()).toEqual(['amy', 'andrew', 'carl', 'dina', 'ed']);
  });
});
