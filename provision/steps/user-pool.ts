import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
  type UserPoolClientType,
} from '@aws-sdk/client-cognito-identity-provider';
import { STACK } from '../stack.js';
import type { Clients } from '../target.js';

export interface UserPoolOutputs {
  userPoolId: string;
  userPoolArn: string;
  userPoolClientId: string;
}

async function findPool(clients: Clients): Promise<string | undefined> {
  let NextToken: string | undefined;
  do {
    const page = await clients.cognito.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
    const pool = page.UserPools?.find((p) => p.Name === STACK.userPool);
    if (pool) return pool.Id;
    NextToken = page.NextToken;
  } while (NextToken);
  return undefined;
}

async function findClient(clients: Clients, userPoolId: string): Promise<string | undefined> {
  let NextToken: string | undefined;
  do {
    const page = await clients.cognito.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60, NextToken }));
    const client = page.UserPoolClients?.find((c) => c.ClientName === STACK.userPoolClient);
    if (client) return client.ClientId;
    NextToken = page.NextToken;
  } while (NextToken);
  return undefined;
}

const CLIENT_SETTINGS: Omit<UserPoolClientType, 'UserPoolId' | 'ClientId' | 'ClientName'> = {
  ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  PreventUserExistenceErrors: 'ENABLED',
};

export interface UserPoolSettings {
  /** ARN of the PreSignUp trigger (the function's alias live). */
  preSignUpArn: string;
}

/**
 * User pool "ChatPool" (sign-in by username, email required and verified by code, sign-ups checked
 * by the PreSignUp trigger) and public client "chatapp". An existing pool is brought to the same
 * settings (UpdateUserPool resets what it is not given, so it gets them all).
 */
export async function ensureUserPool(clients: Clients, settings: UserPoolSettings): Promise<UserPoolOutputs> {
  const poolSettings = {
    AutoVerifiedAttributes: ['email' as const],
    MfaConfiguration: 'OFF' as const,
    LambdaConfig: { PreSignUp: settings.preSignUpArn },
    UserPoolTags: { [STACK.tag.key]: STACK.tag.value },
  };
  let userPoolId = await findPool(clients);
  if (userPoolId) {
    await clients.cognito.send(new UpdateUserPoolCommand({ UserPoolId: userPoolId, ...poolSettings }));
  } else {
    const { UserPool } = await clients.cognito.send(
      new CreateUserPoolCommand({
        PoolName: STACK.userPool,
        Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true }],
        ...poolSettings,
      }),
    );
    userPoolId = UserPool!.Id!;
  }
  let userPoolClientId = await findClient(clients, userPoolId);
  if (userPoolClientId) {
    await clients.cognito.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientId: userPoolClientId,
        ClientName: STACK.userPoolClient,
        ...CLIENT_SETTINGS,
      }),
    );
  } else {
    const { UserPoolClient } = await clients.cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: STACK.userPoolClient,
        GenerateSecret: false,
        ...CLIENT_SETTINGS,
      }),
    );
    userPoolClientId = UserPoolClient!.ClientId!;
  }
  const { UserPool } = await clients.cognito.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
  return { userPoolId, userPoolClientId, userPoolArn: UserPool!.Arn! };
}
