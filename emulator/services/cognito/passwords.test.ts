import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserPasswordCommand,
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { cognitoClient, createChatPool, failure, latestCode, PASSWORD, sentCodes, signUpConfirmed } from './test-support.js';

describe('Cognito passwords: admin-created users, resets and changes', () => {
  let cloud: TestCloud;
  let cognito: ReturnType<typeof cognitoClient>;
  let ids: { poolId: string; clientId: string };
  beforeAll(async () => {
    cloud = await startTestCloud();
    cognito = cognitoClient(cloud);
    ids = await createChatPool(
      cognito,
      {},
      {
        ExplicitAuthFlows: [
          'ALLOW_USER_SRP_AUTH',
          'ALLOW_USER_PASSWORD_AUTH',
          'ALLOW_ADMIN_USER_PASSWORD_AUTH',
          'ALLOW_REFRESH_TOKEN_AUTH',
        ],
      },
    );
  });
  afterAll(async () => cloud.close());
  afterEach(() => vi.useRealTimers());

  const passwordLogin = (username: string, password: string) =>
    cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: ids.clientId,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
  const adminLogin = (username: string, password: string) =>
    cognito.send(
      new AdminInitiateAuthCommand({
        UserPoolId: ids.poolId,
        ClientId: ids.clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );

  it('creates a user with a temporary password, sends the invitation and asks for a new password at sign-in', async () => {
    const created = await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: ids.poolId,
        Username: 'alice',
        UserAttributes: [
          { Name: 'email', Value: 'alice@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
    expect(created.User).toMatchObject({ Username: 'alice', Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    expect(created.User!.Attributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: 'alice@example.com' }]));
    const [invite] = await sentCodes(cloud, { userPoolId: ids.poolId, username: 'alice' });
    expect(invite).toMatchObject({ kind: 'ADMIN_CREATE_USER', destination: 'alice@example.com', subject: 'Your temporary password' });
    expect((invite as unknown as { message: string }).message).toBe(`Your username is alice and temporary password is ${invite!.code}. `);

    const challenge = await adminLogin('alice', invite!.code);
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.Session!.length).toBeGreaterThan(20);
    expect(challenge.ChallengeParameters).toEqual({
      USER_ID_FOR_SRP: 'alice',
      requiredAttributes: '[]',
      userAttributes: JSON.stringify({ email: 'alice@example.com', email_verified: 'true' }),
    });
    const answer = (password: string, session = challenge.Session) =>
      cognito.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId: ids.poolId,
          ClientId: ids.clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: session,
          ChallengeResponses: { USERNAME: 'alice', NEW_PASSWORD: password },
        }),
      );
    expect(await failure(answer('alllowercase1!'))).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password must have uppercase characters',
      status: 400,
    });
    const again = await adminLogin('alice', invite!.code);
    const done = await answer(PASSWORD, again.Session);
    expect(done.AuthenticationResult?.IdToken).toBeTruthy();
    expect((await cognito.send(new AdminGetUserCommand({ UserPoolId: ids.poolId, Username: 'alice' }))).UserStatus).toBe('CONFIRMED');
    expect(await failure(answer(PASSWORD, again.Session))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
      status: 400,
    });
    expect((await passwordLogin('alice', PASSWORD)).AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('answers AdminCreateUser mistakes as AWS does', async () => {
    expect(
      await failure(cognito.send(new AdminCreateUserCommand({ UserPoolId: ids.poolId, Username: 'alice', MessageAction: 'SUPPRESS' }))),
    ).toEqual({
      name: 'UsernameExistsException',
      message: 'User account already exists',
      status: 400,
    });
    expect(
      await failure(cognito.send(new AdminCreateUserCommand({ UserPoolId: ids.poolId, Username: 'weak', TemporaryPassword: 'abc' }))),
    ).toEqual({ name: 'InvalidPasswordException', message: 'Password does not conform to policy: Password not long enough', status: 400 });
    expect(
      await failure(cognito.send(new AdminCreateUserCommand({ UserPoolId: ids.poolId, Username: 'ghost', MessageAction: 'RESEND' }))),
    ).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.', status: 400 });
    // A required attribute may be missing: NEW_PASSWORD_REQUIRED asks for it.
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: ids.poolId,
        Username: 'noemail',
        TemporaryPassword: 'Temp-passw0rd',
        MessageAction: 'SUPPRESS',
      }),
    );
    const challenge = await adminLogin('noemail', 'Temp-passw0rd');
    expect(challenge.ChallengeParameters!.requiredAttributes).toBe('["userAttributes.email"]');
    const answer = (extra: Record<string, string>) =>
      cognito.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId: ids.poolId,
          ClientId: ids.clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: 'noemail', NEW_PASSWORD: PASSWORD, ...extra },
        }),
      );
    expect(await failure(answer({}))).toEqual({
      name: 'InvalidParameterException',
      message: 'Invalid attributes given, email is missing',
      status: 400,
    });
    const retry = await adminLogin('noemail', 'Temp-passw0rd');
    const done = await cognito.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: ids.poolId,
        ClientId: ids.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: retry.Session,
        ChallengeResponses: { USERNAME: 'noemail', NEW_PASSWORD: PASSWORD, 'userAttributes.email': 'noemail@example.com' },
      }),
    );
    expect(done.AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('lets a temporary password expire after TemporaryPasswordValidityDays', async () => {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: ids.poolId,
        Username: 'late',
        TemporaryPassword: 'Temp-passw0rd',
        MessageAction: 'SUPPRESS',
      }),
    );
    // InitiateAuth is unsigned, so a clock moved forward does not spoil a signature.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 8 * 24 * 3600 * 1000 });
    expect(await failure(passwordLogin('late', 'Temp-passw0rd'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Temporary password has expired and must be reset by an administrator.',
      status: 400,
    });
    vi.useRealTimers();
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: ids.poolId,
        Username: 'late',
        MessageAction: 'RESEND',
        TemporaryPassword: 'Fresh-passw0rd',
      }),
    );
    expect((await adminLogin('late', 'Fresh-passw0rd')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('sets passwords by admin: permanent confirms, temporary asks for a new one', async () => {
    await cognito.send(
      new SignUpCommand({
        ClientId: ids.clientId,
        Username: 'bob',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'bob@example.com' }],
      }),
    );
    await cognito.send(
      new AdminSetUserPasswordCommand({ UserPoolId: ids.poolId, Username: 'bob', Password: 'Other-passw0rd', Permanent: true }),
    );
    expect((await cognito.send(new AdminGetUserCommand({ UserPoolId: ids.poolId, Username: 'bob' }))).UserStatus).toBe('CONFIRMED');
    expect((await passwordLogin('bob', 'Other-passw0rd')).AuthenticationResult).toBeTruthy();
    expect(await failure(passwordLogin('bob', PASSWORD))).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: ids.poolId, Username: 'bob', Password: 'Temp-passw0rd' }));
    expect((await passwordLogin('bob', 'Temp-passw0rd')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(
      await failure(
        cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: ids.poolId, Username: 'bob', Password: 'nodigits!A', Permanent: true })),
      ),
    ).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password must have numeric characters',
      status: 400,
    });
    expect(
      await failure(
        cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: ids.poolId, Username: 'ghost', Password: PASSWORD, Permanent: true })),
      ),
    ).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.', status: 400 });
  });

  it('resets a forgotten password with a code sent to the verified email', async () => {
    await signUpConfirmed(cloud, cognito, ids, 'carol');
    const forgot = await cognito.send(new ForgotPasswordCommand({ ClientId: ids.clientId, Username: 'carol' }));
    expect(forgot.CodeDeliveryDetails).toEqual({ Destination: 'c***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const codes = await sentCodes(cloud, { userPoolId: ids.poolId, username: 'carol' });
    const code = codes[codes.length - 1]!;
    expect(code.kind).toBe('FORGOT_PASSWORD');
    const confirm = (confirmationCode: string, password: string) =>
      cognito.send(
        new ConfirmForgotPasswordCommand({
          ClientId: ids.clientId,
          Username: 'carol',
          ConfirmationCode: confirmationCode,
          Password: password,
        }),
      );
    expect(await failure(confirm(code.code, 'short'))).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
      status: 400,
    });
    expect(await failure(confirm(code.code === '000000' ? '111111' : '000000', 'Reset-passw0rd'))).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
      status: 400,
    });
    await confirm(code.code, 'Reset-passw0rd');
    expect((await passwordLogin('carol', 'Reset-passw0rd')).AuthenticationResult).toBeTruthy();
    expect(await failure(confirm(code.code, 'Again-passw0rd'))).toMatchObject({ name: 'CodeMismatchException' });

    await cognito.send(new ForgotPasswordCommand({ ClientId: ids.clientId, Username: 'carol' }));
    const late = await latestCode(cloud, ids.poolId, 'carol');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 25 * 3600 * 1000 });
    expect(await failure(confirm(late, 'Late-passw0rd'))).toEqual({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
      status: 400,
    });
  });

  it('refuses a reset without a verified address, and for unknown users', async () => {
    await cognito.send(
      new SignUpCommand({
        ClientId: ids.clientId,
        Username: 'dave',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'dave@example.com' }],
      }),
    );
    expect(await failure(cognito.send(new ForgotPasswordCommand({ ClientId: ids.clientId, Username: 'dave' })))).toEqual({
      name: 'InvalidParameterException',
      message: 'Cannot reset password for the user as there is no registered/verified email or phone_number',
      status: 400,
    });
    expect(await failure(cognito.send(new ForgotPasswordCommand({ ClientId: ids.clientId, Username: 'ghost' })))).toEqual({
      name: 'UserNotFoundException',
      message: 'Username/client id combination not found.',
      status: 400,
    });
  });

  it('changes the password of a signed-in user', async () => {
    await signUpConfirmed(cloud, cognito, ids, 'erin');
    const { AuthenticationResult } = await passwordLogin('erin', PASSWORD);
    const change = (previous: string, proposed: string) =>
      cognito.send(
        new ChangePasswordCommand({
          AccessToken: AuthenticationResult!.AccessToken,
          PreviousPassword: previous,
          ProposedPassword: proposed,
        }),
      );
    expect(await failure(change('Wrong-passw0rd', 'Changed-passw0rd'))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
      status: 400,
    });
    expect(await failure(change(PASSWORD, 'NOLOWER1!'))).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password must have lowercase characters',
      status: 400,
    });
    await change(PASSWORD, 'Changed-passw0rd');
    expect((await passwordLogin('erin', 'Changed-passw0rd')).AuthenticationResult).toBeTruthy();
    expect(await failure(change(PASSWORD, 'Again-passw0rd'))).toMatchObject({ name: 'NotAuthorizedException' });
    expect(
      await failure(
        cognito.send(new ChangePasswordCommand({ AccessToken: 'not.a.token', PreviousPassword: PASSWORD, ProposedPassword: PASSWORD })),
      ),
    ).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Access Token', status: 400 });
  });
});
