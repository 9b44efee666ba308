import {
  AdminCreateUserCommand,
  ConfirmSignUpCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { cognitoClient, createChatPool, decodePayload, failure, PASSWORD, sentCodes, signUpConfirmed } from './test-support.js';

type Outcome =
  | { kind: 'success'; session: CognitoUserSession; user: CognitoUser }
  | { kind: 'newPassword'; user: CognitoUser; userAttributes: Record<string, string>; requiredAttributes: string[] }
  | { kind: 'failure'; code: string; message: string };

function settle(user: CognitoUser, resolve: (outcome: Outcome) => void) {
  return {
    onSuccess: (session: CognitoUserSession) => resolve({ kind: 'success', session, user }),
    onFailure: (err: { code?: string; name?: string; message: string }) =>
      resolve({ kind: 'failure', code: err.code ?? err.name ?? 'Error', message: err.message }),
    newPasswordRequired: (userAttributes: Record<string, string>, requiredAttributes: string[]) =>
      resolve({ kind: 'newPassword', user, userAttributes, requiredAttributes }),
  };
}

/** Signs in with amazon-cognito-identity-js's own USER_SRP_AUTH, as a browser app built on it does. */
function srpSignIn(cloud: TestCloud, ids: { poolId: string; clientId: string }, username: string, password: string): Promise<Outcome> {
  const pool = new CognitoUserPool({ UserPoolId: ids.poolId, ClientId: ids.clientId, endpoint: `${cloud.url}/` });
  const user = new CognitoUser({ Username: username, Pool: pool });
  return new Promise((resolve) =>
    user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), settle(user, resolve)),
  );
}

function completeNewPassword(user: CognitoUser, password: string, attributes: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve) => user.completeNewPasswordChallenge(password, attributes, settle(user, resolve)));
}

describe('Cognito USER_SRP_AUTH with amazon-cognito-identity-js as the client', () => {
  let cloud: TestCloud;
  let cognito: ReturnType<typeof cognitoClient>;
  let ids: { poolId: string; clientId: string };
  beforeAll(async () => {
    cloud = await startTestCloud();
    cognito = cognitoClient(cloud);
    ids = await createChatPool(cognito);
    await signUpConfirmed(cloud, cognito, ids, 'alice');
  });
  afterAll(async () => cloud.close());

  it('signs in with the right password and the tokens work', async () => {
    const outcome = await srpSignIn(cloud, ids, 'alice', PASSWORD);
    expect(outcome.kind).toBe('success');
    const session = (outcome as Extract<Outcome, { kind: 'success' }>).session;
    expect(session.isValid()).toBe(true);
    expect(session.getIdToken().payload['cognito:username']).toBe('alice');
    expect(session.getIdToken().payload.email).toBe('alice@example.com');
    const me = await cognito.send(new GetUserCommand({ AccessToken: session.getAccessToken().getJwtToken() }));
    expect(me.Username).toBe('alice');
    // The refresh token from an SRP sign-in refreshes like any other.
    const refreshed = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: ids.clientId,
        AuthParameters: { REFRESH_TOKEN: session.getRefreshToken().getToken() },
      }),
    );
    expect(decodePayload(refreshed.AuthenticationResult!.IdToken!)['cognito:username']).toBe('alice');
  });

  it('refuses a wrong password, an unknown user and an unconfirmed one as AWS does', async () => {
    expect(await srpSignIn(cloud, ids, 'alice', 'Wrong-passw0rd')).toEqual({
      kind: 'failure',
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(await srpSignIn(cloud, ids, 'nobody', PASSWORD)).toEqual({
      kind: 'failure',
      code: 'UserNotFoundException',
      message: 'User does not exist.',
    });
    await cognito.send(
      new SignUpCommand({
        ClientId: ids.clientId,
        Username: 'bob',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'bob@example.com' }],
      }),
    );
    expect(await srpSignIn(cloud, ids, 'bob', 'Wrong-passw0rd')).toMatchObject({ kind: 'failure', code: 'NotAuthorizedException' });
    expect(await srpSignIn(cloud, ids, 'bob', PASSWORD)).toEqual({
      kind: 'failure',
      code: 'UserNotConfirmedException',
      message: 'User is not confirmed.',
    });
  });

  it('with PreventUserExistenceErrors answers an unknown user with a stable decoy challenge, then a wrong-password error', async () => {
    const hiding = await createChatPool(cognito, {}, { PreventUserExistenceErrors: 'ENABLED' });
    const challenge = () =>
      cognito.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_SRP_AUTH',
          ClientId: hiding.clientId,
          AuthParameters: { USERNAME: 'ghost', SRP_A: 'abcdef' },
        }),
      );
    const first = await challenge();
    const second = await challenge();
    expect(first.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(first.ChallengeParameters!.USER_ID_FOR_SRP).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second.ChallengeParameters!.USER_ID_FOR_SRP).toBe(first.ChallengeParameters!.USER_ID_FOR_SRP);
    expect(second.ChallengeParameters!.SALT).toBe(first.ChallengeParameters!.SALT);
    expect(await srpSignIn(cloud, hiding, 'ghost', PASSWORD)).toEqual({
      kind: 'failure',
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('checks the challenge answer: parameters, TIMESTAMP format, one answer per SECRET_BLOCK', async () => {
    const started = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: ids.clientId,
        AuthParameters: { USERNAME: 'alice', SRP_A: '1234abcd' },
      }),
    );
    expect(started.Session).toBeUndefined();
    expect(Object.keys(started.ChallengeParameters!).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    expect(started.ChallengeParameters!.USER_ID_FOR_SRP).toBe('alice');
    const answer = (responses: Record<string, string>) =>
      failure(
        cognito.send(
          new RespondToAuthChallengeCommand({ ClientId: ids.clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: responses }),
        ),
      );
    const block = started.ChallengeParameters!.SECRET_BLOCK!;
    expect(await answer({ USERNAME: 'alice', PASSWORD_CLAIM_SECRET_BLOCK: block, TIMESTAMP: 'Tue Nov 5 17:00:00 UTC 2026' })).toEqual({
      name: 'InvalidParameterException',
      message: 'Missing required parameter PASSWORD_CLAIM_SIGNATURE',
      status: 400,
    });
    const claim = { USERNAME: 'alice', PASSWORD_CLAIM_SECRET_BLOCK: block, PASSWORD_CLAIM_SIGNATURE: 'c2lnbmF0dXJl' };
    expect(await answer({ ...claim, TIMESTAMP: '2026-11-05T17:00:00Z' })).toEqual({
      name: 'InvalidParameterException',
      message: 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.',
      status: 400,
    });
    expect(await answer({ ...claim, TIMESTAMP: 'Tue Nov 5 17:00:00 UTC 2026' })).toEqual({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
      status: 400,
    });
    expect(await answer({ ...claim, TIMESTAMP: 'Tue Nov 5 17:00:00 UTC 2026' })).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
      status: 400,
    });
    expect(
      await failure(
        cognito.send(
          new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: 'alice', SRP_A: '0' } }),
        ),
      ),
    ).toMatchObject({ name: 'InvalidParameterException' });
  });

  it('takes an admin-created user through NEW_PASSWORD_REQUIRED to tokens', async () => {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: ids.poolId,
        Username: 'carol',
        TemporaryPassword: 'Temp-passw0rd',
        UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }],
        MessageAction: 'SUPPRESS',
      }),
    );
    const first = await srpSignIn(cloud, ids, 'carol', 'Temp-passw0rd');
    expect(first.kind).toBe('newPassword');
    const pending = first as Extract<Outcome, { kind: 'newPassword' }>;
    expect(pending.userAttributes).toEqual({ email: 'carol@example.com' });
    expect(pending.requiredAttributes).toEqual([]);
    expect(await completeNewPassword(pending.user, 'short')).toEqual({
      kind: 'failure',
      code: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
    });
    // The failed answer used the session up: sign in again.
    const again = (await srpSignIn(cloud, ids, 'carol', 'Temp-passw0rd')) as Extract<Outcome, { kind: 'newPassword' }>;
    const done = await completeNewPassword(again.user, 'New-passw0rd');
    expect(done.kind).toBe('success');
    expect((await srpSignIn(cloud, ids, 'carol', 'New-passw0rd')).kind).toBe('success');
    expect((await srpSignIn(cloud, ids, 'carol', 'Temp-passw0rd')).kind).toBe('failure');
  });

  it('signs in by email where the email is the username: the sub is the SRP user id', async () => {
    const byEmail = await createChatPool(cognito, { UsernameAttributes: ['email'], UsernameConfiguration: { CaseSensitive: false } });
    const { UserSub: sub } = await cognito.send(
      new SignUpCommand({ ClientId: byEmail.clientId, Username: 'dave@example.com', Password: PASSWORD }),
    );
    const codes = await sentCodes(cloud, { userPoolId: byEmail.poolId });
    await cognito.send(
      new ConfirmSignUpCommand({
        ClientId: byEmail.clientId,
        Username: 'dave@example.com',
        ConfirmationCode: codes[codes.length - 1]!.code,
      }),
    );
    const outcome = await srpSignIn(cloud, byEmail, 'Dave@Example.com', PASSWORD);
    expect(outcome.kind).toBe('success');
    const session = (outcome as Extract<Outcome, { kind: 'success' }>).session;
    expect(session.getIdToken().payload.sub).toBe(sub);
    expect(session.getIdToken().payload['cognito:username']).toBe(sub);
  });
});
