import {
  AdminConfirmSignUpCommand,
  AdminGetUserCommand,
  ConfirmSignUpCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { cognitoClient, createChatPool, decodePayload, failure, latestCode, PASSWORD, sentCodes, signUpConfirmed } from './test-support.js';

describe('Cognito sign-up, confirmation and sign-in', () => {
  let cloud: TestCloud;
  let cognito: ReturnType<typeof cognitoClient>;
  let ids: { poolId: string; clientId: string };
  let logged: string[];
  beforeAll(async () => {
    cloud = await startTestCloud();
    cognito = cognitoClient(cloud);
    ids = await createChatPool(cognito);
  });
  afterAll(async () => cloud.close());
  afterEach(() => vi.useRealTimers());

  it('signs up, confirms with the code from the outbox, logs in, reads the user and refreshes', async () => {
    logged = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((message: string) => void logged.push(String(message)));
    const signUp = await cognito.send(
      new SignUpCommand({
        ClientId: ids.clientId,
        Username: 'alice',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }],
      }),
    );
    spy.mockRestore();
    expect(signUp.UserConfirmed).toBe(false);
    expect(signUp.UserSub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(signUp.CodeDeliveryDetails).toEqual({ Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });

    const codes = await sentCodes(cloud, { username: 'alice' });
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatchObject({ userPoolId: ids.poolId, username: 'alice', destination: 'alice@example.com', kind: 'SIGN_UP' });
    expect(codes[0]!.code).toMatch(/^\d{6}$/);
    expect(Date.parse(codes[0]!.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(logged).toContain(`[cognito] code for alice (alice@example.com) in ${ids.poolId}: ${codes[0]!.code} (SIGN_UP)`);

    const before = await cognito.send(new AdminGetUserCommand({ UserPoolId: ids.poolId, Username: 'alice' }));
    expect(before.UserStatus).toBe('UNCONFIRMED');

    await cognito.send(new ConfirmSignUpCommand({ ClientId: ids.clientId, Username: 'alice', ConfirmationCode: codes[0]!.code }));
    const after = await cognito.send(new AdminGetUserCommand({ UserPoolId: ids.poolId, Username: 'alice' }));
    expect(after.UserStatus).toBe('CONFIRMED');
    expect(after.Enabled).toBe(true);
    expect(after.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'sub', Value: signUp.UserSub },
        { Name: 'email', Value: 'alice@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ]),
    );

    const login = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: 'alice', PASSWORD } }),
    );
    expect(login.ChallengeParameters).toEqual({});
    expect(login.AuthenticationResult).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    const { AccessToken, IdToken, RefreshToken } = login.AuthenticationResult!;
    expect(AccessToken && IdToken && RefreshToken).toBeTruthy();

    const me = await cognito.send(new GetUserCommand({ AccessToken }));
    expect(me.Username).toBe('alice');
    expect(me.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: 'alice@example.com' }]));

    const refreshed = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: ids.clientId, AuthParameters: { REFRESH_TOKEN: RefreshToken! } }),
    );
    expect(refreshed.AuthenticationResult?.RefreshToken).toBeUndefined();
    expect(refreshed.AuthenticationResult).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    const newId = decodePayload(refreshed.AuthenticationResult!.IdToken!);
    const oldId = decodePayload(IdToken!);
    expect(newId.jti).not.toBe(oldId.jti);
    expect(newId.origin_jti).toBe(oldId.origin_jti);
    expect(newId.auth_time).toBe(oldId.auth_time);
    expect((await cognito.send(new GetUserCommand({ AccessToken: refreshed.AuthenticationResult!.AccessToken }))).Username).toBe('alice');
  });

  it('answers sign-up errors as AWS does', async () => {
    await signUpConfirmed(cloud, cognito, ids, 'bob');
    const signUp = (Username: string, Password: string, email: string | null = `${Username}@example.com`) =>
      failure(
        cognito.send(
          new SignUpCommand({
            ClientId: ids.clientId,
            Username,
            Password,
            UserAttributes: email === null ? [] : [{ Name: 'email', Value: email }],
          }),
        ),
      );
    expect(await signUp('bob', PASSWORD)).toEqual({ name: 'UsernameExistsException', message: 'User already exists', status: 400 });
    const policy = (rule: string) => ({
      name: 'InvalidPasswordException',
      message: `Password did not conform with policy: ${rule}`,
      status: 400,
    });
    expect(await signUp('carol', 'Sh0rt!')).toEqual(policy('Password not long enough'));
    expect(await signUp('carol', 'PASSW0RD!')).toEqual(policy('Password must have lowercase characters'));
    expect(await signUp('carol', 'passw0rd!')).toEqual(policy('Password must have uppercase characters'));
    expect(await signUp('carol', 'Password!')).toEqual(policy('Password must have numeric characters'));
    expect(await signUp('carol', 'Passw0rdx')).toEqual(policy('Password must have symbol characters'));
    expect(await signUp('carol', PASSWORD, null)).toEqual({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: email: The attribute is required',
      status: 400,
    });
    expect(await signUp('carol', PASSWORD, 'not-an-email')).toEqual({
      name: 'InvalidParameterException',
      message: 'Invalid email address format.',
      status: 400,
    });
    expect(
      await failure(
        cognito.send(
          new SignUpCommand({
            ClientId: ids.clientId,
            Username: 'carol',
            Password: PASSWORD,
            UserAttributes: [{ Name: 'custom:team', Value: 'x' }],
          }),
        ),
      ),
    ).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: Type for attribute {custom:team} could not be determined',
    });
    expect(
      await failure(cognito.send(new SignUpCommand({ ClientId: 'nosuchclient0000000000000a', Username: 'carol', Password: PASSWORD }))),
    ).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool client nosuchclient0000000000000a does not exist.',
      status: 400,
    });
    expect(await sentCodes(cloud, { username: 'carol' })).toEqual([]);
  });

  it('answers confirmation errors as AWS does, and resends codes', async () => {
    await cognito.send(
      new SignUpCommand({
        ClientId: ids.clientId,
        Username: 'dave',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'dave@example.com' }],
      }),
    );
    const code = await latestCode(cloud, ids.poolId, 'dave');
    const confirm = (ConfirmationCode: string, Username = 'dave') =>
      failure(cognito.send(new ConfirmSignUpCommand({ ClientId: ids.clientId, Username, ConfirmationCode })));
    expect(await confirm(code === '000000' ? '111111' : '000000')).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
      status: 400,
    });
    expect(await confirm('123456', 'nobody')).toEqual({
      name: 'UserNotFoundException',
      message: 'Username/client id combination not found.',
      status: 400,
    });

    const resent = await cognito.send(new ResendConfirmationCodeCommand({ ClientId: ids.clientId, Username: 'dave' }));
    expect(resent.CodeDeliveryDetails).toEqual({ Destination: 'd***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const codes = await sentCodes(cloud, { username: 'dave', userPoolId: ids.poolId });
    expect(codes.map((c) => c.kind)).toEqual(['SIGN_UP', 'RESEND']);
    const fresh = codes[1]!.code;
    if (fresh !== code) expect((await confirm(code)).name).toBe('CodeMismatchException');

    // Codes live 24 hours.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 24 * 3600 * 1000 + 1000 });
    expect(await confirm(fresh)).toEqual({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
      status: 400,
    });
    vi.useRealTimers();

    await cognito.send(new ResendConfirmationCodeCommand({ ClientId: ids.clientId, Username: 'dave' }));
    await cognito.send(
      new ConfirmSignUpCommand({ ClientId: ids.clientId, Username: 'dave', ConfirmationCode: await latestCode(cloud, ids.poolId, 'dave') }),
    );
    expect(await confirm('123456')).toEqual({
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
      status: 400,
    });
    expect(await failure(cognito.send(new ResendConfirmationCodeCommand({ ClientId: ids.clientId, Username: 'dave' })))).toEqual({
      name: 'InvalidParameterException',
      message: 'User is already confirmed.',
      status: 400,
    });
    expect(await failure(cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: ids.poolId, Username: 'dave' })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
      status: 400,
    });
  });

  it('confirms by admin without verifying the email', async () => {
    await cognito.send(
      new SignUpCommand({
        ClientId: ids.clientId,
        Username: 'erin',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'erin@example.com' }],
      }),
    );
    await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: ids.poolId, Username: 'erin' }));
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: ids.poolId, Username: 'erin' }));
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(user.UserAttributes?.find((a) => a.Name === 'email_verified')).toBeUndefined();
    expect(await failure(cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: ids.poolId, Username: 'ghost' })))).toEqual({
      name: 'UserNotFoundException',
      message: 'User does not exist.',
      status: 400,
    });
  });

  it('answers sign-in errors as AWS does', async () => {
    await cognito.send(
      new SignUpCommand({
        ClientId: ids.clientId,
        Username: 'frank',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'frank@example.com' }],
      }),
    );
    const login = (USERNAME: string, password: string, ClientId = ids.clientId) =>
      failure(
        cognito.send(
          new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId, AuthParameters: { USERNAME, PASSWORD: password } }),
        ),
      );
    expect(await login('frank', PASSWORD)).toEqual({ name: 'UserNotConfirmedException', message: 'User is not confirmed.', status: 400 });
    // As in AWS, an unconfirmed user hears so even with a wrong password.
    expect(await login('frank', 'Wr0ng-password')).toEqual({
      name: 'UserNotConfirmedException',
      message: 'User is not confirmed.',
      status: 400,
    });
    await signUpConfirmed(cloud, cognito, ids, 'fiona');
    expect(await login('fiona', 'Wr0ng-password')).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
      status: 400,
    });
    // A client created through the API defaults to LEGACY: unknown users are named as such.
    expect(await login('nobody', PASSWORD)).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.', status: 400 });
    expect(
      await failure(
        cognito.send(
          new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: 'frank' } }),
        ),
      ),
    ).toEqual({ name: 'InvalidParameterException', message: 'Missing required parameter PASSWORD', status: 400 });

    const hiding = await createChatPool(cognito, {}, { PreventUserExistenceErrors: 'ENABLED' });
    expect(await login('nobody', PASSWORD, hiding.clientId)).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
      status: 400,
    });

    const srpOnly = await createChatPool(cognito, {}, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    expect(await login('frank', PASSWORD, srpOnly.clientId)).toEqual({
      name: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
      status: 400,
    });
    expect(
      await failure(
        cognito.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: 'frank' } })),
      ),
    ).toEqual({ name: 'InvalidParameterException', message: 'Missing required parameter SRP_A', status: 400 });
    expect(
      await failure(
        cognito.send(
          new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: ids.clientId, AuthParameters: { REFRESH_TOKEN: 'nope' } }),
        ),
      ),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token', status: 400 });
    expect(
      await failure(cognito.send(new InitiateAuthCommand({ AuthFlow: 'NOPE' as never, ClientId: ids.clientId, AuthParameters: {} }))),
    ).toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringMatching(/^1 validation error detected: Value 'NOPE' at 'authFlow'/),
    });
  });

  it('answers GetUser errors as AWS does', async () => {
    await signUpConfirmed(cloud, cognito, ids, 'gina');
    const login = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: 'gina', PASSWORD } }),
    );
    const { AccessToken, IdToken, RefreshToken } = login.AuthenticationResult!;
    const getUser = (token: string) => failure(cognito.send(new GetUserCommand({ AccessToken: token })));
    expect(await getUser('not.a.token')).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Access Token', status: 400 });
    expect(await getUser(IdToken!)).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Access Token', status: 400 });
    const [header, payload, signature] = AccessToken!.split('.');
    const forged = Buffer.from(JSON.stringify({ ...decodePayload(AccessToken!), username: 'alice' })).toString('base64url');
    expect(await getUser(`${header}.${forged}.${signature}`)).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid Access Token',
      status: 400,
    });
    expect(payload).toBeTruthy();

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3601 * 1000 });
    expect(await getUser(AccessToken!)).toEqual({ name: 'NotAuthorizedException', message: 'Access Token has expired', status: 400 });
    // The refresh token still works after the access token expired.
    const refreshed = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: ids.clientId, AuthParameters: { REFRESH_TOKEN: RefreshToken! } }),
    );
    expect((await cognito.send(new GetUserCommand({ AccessToken: refreshed.AuthenticationResult!.AccessToken }))).Username).toBe('gina');
    vi.setSystemTime(Date.now() + 31 * 86400 * 1000);
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
    ).toEqual({ name: 'NotAuthorizedException', message: 'Refresh Token has expired', status: 400 });
  });

  it('finds the app client from any region: the browser calls SignUp unsigned', async () => {
    const ireland = cognitoClient(cloud, 'eu-west-1');
    const euIds = await createChatPool(ireland);
    // The default-region client reaches the eu-west-1 pool by its client id alone.
    await signUpConfirmed(cloud, cognito, euIds, 'henry');
    const login = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: euIds.clientId,
        AuthParameters: { USERNAME: 'henry', PASSWORD },
      }),
    );
    expect(decodePayload(login.AuthenticationResult!.IdToken!).iss).toBe(`${cloud.url}/${euIds.poolId}`);
    expect((await cognito.send(new GetUserCommand({ AccessToken: login.AuthenticationResult!.AccessToken }))).Username).toBe('henry');
  });

  it('signs up with the email as username when the pool says so', async () => {
    const byEmail = await createChatPool(cognito, { UsernameAttributes: ['email'] });
    const { UserSub } = await cognito.send(
      new SignUpCommand({ ClientId: byEmail.clientId, Username: 'ivy@example.com', Password: PASSWORD }),
    );
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: byEmail.poolId, Username: 'ivy@example.com' }));
    expect(user.Username).toBe(UserSub);
    expect(
      await failure(cognito.send(new SignUpCommand({ ClientId: byEmail.clientId, Username: 'ivy@example.com', Password: PASSWORD }))),
    ).toEqual({
      name: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
      status: 400,
    });
    expect(await failure(cognito.send(new SignUpCommand({ ClientId: byEmail.clientId, Username: 'ivy', Password: PASSWORD })))).toEqual({
      name: 'InvalidParameterException',
      message: 'Username should be an email.',
      status: 400,
    });
    const code = await latestCode(cloud, byEmail.poolId, UserSub!);
    await cognito.send(new ConfirmSignUpCommand({ ClientId: byEmail.clientId, Username: 'ivy@example.com', ConfirmationCode: code }));
    const login = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: byEmail.clientId,
        AuthParameters: { USERNAME: 'ivy@example.com', PASSWORD },
      }),
    );
    expect(decodePayload(login.AuthenticationResult!.IdToken!)['cognito:username']).toBe(UserSub);
  });

  it('checks SECRET_HASH for clients with a secret', async () => {
    const withSecret = await createChatPool(cognito, {}, { GenerateSecret: true });
    expect(await failure(cognito.send(new SignUpCommand({ ClientId: withSecret.clientId, Username: 'jack', Password: PASSWORD })))).toEqual(
      {
        name: 'NotAuthorizedException',
        message: `Client ${withSecret.clientId} is configured for secret but secret was not received`,
        status: 400,
      },
    );
    expect(
      await failure(
        cognito.send(new SignUpCommand({ ClientId: withSecret.clientId, Username: 'jack', Password: PASSWORD, SecretHash: 'bm9wZQ==' })),
      ),
    ).toEqual({ name: 'NotAuthorizedException', message: `Unable to verify secret hash for client ${withSecret.clientId}`, status: 400 });
  });
});
