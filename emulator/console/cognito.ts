import type {
  DescribeUserPoolCommandOutput,
  ListUserPoolClientsCommandOutput,
  ListUserPoolsCommandOutput,
  ListUsersCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoService } from '../services/cognito/index.js';
import type { Endpoint } from './endpoint.js';
import type { ServiceCalls } from './service-calls.js';

const SERVICE = 'cognito-idp';
const target = (operation: string) => `AWSCognitoIdentityProviderService.${operation}`;

async function allPools(calls: ServiceCalls) {
  const pools: NonNullable<ListUserPoolsCommandOutput['UserPools']> = [];
  let NextToken: string | undefined;
  do {
    const page = await calls.json<ListUserPoolsCommandOutput>(SERVICE, target('ListUserPools'), { MaxResults: 60, NextToken });
    pools.push(...(page.UserPools ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return pools;
}

export const pools: Endpoint = async ({ calls }) => {
  const all = await allPools(calls);
  return {
    pools: await Promise.all(
      all.map(async (p) => {
        const { UserPool } = await calls.json<DescribeUserPoolCommandOutput>(SERVICE, target('DescribeUserPool'), { UserPoolId: p.Id });
        return { id: p.Id, name: p.Name, estimatedUsers: UserPool?.EstimatedNumberOfUsers, createdAt: p.CreationDate };
      }),
    ),
  };
};

/** A pool's settings, app clients, a page of its users, and the codes "sent" for it (newest first). */
export const pool: Endpoint = async ({ calls, params, deps }) => {
  const id = params.required('id', 55);
  const { UserPool } = await calls.json<DescribeUserPoolCommandOutput>(SERVICE, target('DescribeUserPool'), { UserPoolId: id });
  const clients = await calls.json<ListUserPoolClientsCommandOutput>(SERVICE, target('ListUserPoolClients'), {
    UserPoolId: id,
    MaxResults: 60,
  });
  const users = await calls.json<ListUsersCommandOutput>(SERVICE, target('ListUsers'), {
    UserPoolId: id,
    Limit: params.integer('limit', 60, 1, 60),
    PaginationToken: params.optional('next', 4096),
  });
  const codes = deps.services
    .get<CognitoService>(SERVICE)
    .state.outbox()
    .filter((entry) => entry.userPoolId === id)
    .slice(-params.integer('codes', 50, 1, 1000))
    .reverse();
  return {
    pool: {
      id: UserPool?.Id,
      name: UserPool?.Name,
      arn: UserPool?.Arn,
      estimatedUsers: UserPool?.EstimatedNumberOfUsers,
      usernameAttributes: UserPool?.UsernameAttributes,
      autoVerifiedAttributes: UserPool?.AutoVerifiedAttributes,
      mfa: UserPool?.MfaConfiguration,
      passwordPolicy: UserPool?.Policies?.PasswordPolicy,
      lambdaTriggers: UserPool?.LambdaConfig,
    },
    clients: (clients.UserPoolClients ?? []).map((c) => ({ id: c.ClientId, name: c.ClientName })),
    users: (users.Users ?? []).map((u) => ({
      username: u.Username,
      status: u.UserStatus,
      enabled: u.Enabled,
      createdAt: u.UserCreateDate,
      attributes: Object.fromEntries((u.Attributes ?? []).map((a) => [a.Name, a.Value])),
    })),
    next: users.PaginationToken,
    codes,
  };
};
