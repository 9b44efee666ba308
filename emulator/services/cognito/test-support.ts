import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  type CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TestCloud } from '../../../test/local-cloud.js';

export const PASSWORD = 'Passw0rd!';

export interface SentCode {
  userPoolId: string;
  username: string;
  destination: string;
  code: string;
  kind: string;
  createdAt: string;
}

export function cognitoClient(cloud: TestCloud, region = 'us-east-1'): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ ...cloud.clientConfig, region });
}

/** The chat app's pool: sign-in by username, email required and verified by code. */
export async function createChatPool(
  cognito: CognitoIdentityProviderClient,
  pool: Partial<CreateUserPoolCommandInput> = {},
  client: Partial<CreateUserPoolClientCommandInput> = {},
): Promise<{ poolId: string; poolArn: string; clientId: string }> {
  const { UserPool } = await cognito.send(
    new CreateUserPoolCommand({
      PoolName: 'ChatPool',
      AutoVerifiedAttributes: ['email'],
      Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true }],
      ...pool,
    }),
  );
  const { UserPoolClient } = await cognito.send(
    new CreateUserPoolClientCommand({
      UserPoolId: UserPool!.Id!,
      ClientName: 'chatapp',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      ...client,
    }),
  );
  return { poolId: UserPool!.Id!, poolArn: UserPool!.Arn!, clientId: UserPoolClient!.ClientId! };
}

/** The codes the local cloud "sent", newest last, through its admin route. */
export async function sentCodes(cloud: TestCloud, query: Record<string, string> = {}): Promise<SentCode[]> {
  const response = await fetch(`${cloud.url}/_emulator/cognito/codes?${new URLSearchParams(query)}`);
  if (response.status !== 200) throw new Error(`codes route answered ${response.status}`);
  return (await response.json()) as SentCode[];
}

export async function latestCode(cloud: TestCloud, userPoolId: string, username: string): Promise<string> {
  const codes = await sentCodes(cloud, { userPoolId, username });
  const last = codes[codes.length - 1];
  if (!last) throw new Error(`no code was sent to ${username}`);
  return last.code;
}

/** Signs a user up and confirms them with the code from the outbox. */
export async function signUpConfirmed(
  cloud: TestCloud,
  cognito: CognitoIdentityProviderClient,
  ids: { poolId: string; clientId: string },
  username: string,
  email = `${username}@example.com`,
): Promise<string> {
  const { UserSub } = await cognito.send(
    new SignUpCommand({
      ClientId: ids.clientId,
      Username: username,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
  const code = await latestCode(cloud, ids.poolId, username);
  await cognito.send(new ConfirmSignUpCommand({ ClientId: ids.clientId, Username: username, ConfirmationCode: code }));
  return UserSub!;
}

/** An SDK call's rejection as `{name, message}`, for exact comparisons with AWS's errors. */
export async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

export function decodePayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

export function decodeHeader(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8'));
}
