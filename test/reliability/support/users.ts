import {
  AdminConfirmSignUpCommand,
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';

export interface ChatUser {
  username: string;
  password: string;
  idToken: string;
  accessToken: string;
}

export const PASSWORD = 'Passw0rd!';

export interface PoolIds {
  userPoolId: string;
  userPoolClientId: string;
}

/** Logs in with USER_PASSWORD_AUTH (the chat's app client allows it). */
export async function logIn(
  cognito: CognitoIdentityProviderClient,
  pool: PoolIds,
  username: string,
  password = PASSWORD,
): Promise<ChatUser> {
  const { AuthenticationResult } = await cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: pool.userPoolClientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
  return { username, password, idToken: AuthenticationResult!.IdToken!, accessToken: AuthenticationResult!.AccessToken! };
}

/** Signs a user up, confirms it as an administrator, and logs it in. */
export async function createUser(cognito: CognitoIdentityProviderClient, pool: PoolIds, username: string): Promise<ChatUser> {
  await cognito.send(
    new SignUpCommand({
      ClientId: pool.userPoolClientId,
      Username: username,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
    }),
  );
  await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: pool.userPoolId, Username: username }));
  return logIn(cognito, pool, username);
}

/** Creates users a few at a time (sign-up hashes passwords: unbounded parallelism only queues). */
export async function createUsers(cognito: CognitoIdentityProviderClient, pool: PoolIds, usernames: string[]): Promise<ChatUser[]> {
  const users: ChatUser[] = [];
  for (let i = 0; i < usernames.length; i += 8) {
    users.push(...(await Promise.all(usernames.slice(i, i + 8).map((name) => createUser(cognito, pool, name)))));
  }
  return users;
}
