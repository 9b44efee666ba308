import type { ListUserPoolClientsCommandInput, ListUserPoolClientsCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { type CognitoContext, requirePool } from '../context.js';
import { paginate } from '../pagination.js';
import { Constraints, checkPoolId } from '../validate.js';
import type { Out } from '../wire.js';

export function ListUserPoolClients(input: ListUserPoolClientsCommandInput, ctx: CognitoContext): Out<ListUserPoolClientsCommandOutput> {
  const checks = new Constraints();
  checkPoolId(checks, input.UserPoolId);
  checks.integer(input.MaxResults, 'maxResults', { min: 1, max: 60 });
  checks.string(input.NextToken, 'nextToken', { min: 1 });
  checks.check();
  const clients = requirePool(ctx, input.UserPoolId!).clients();
  const position = (c: (typeof clients)[number]) => `${c.CreationDate!.toFixed(3).padStart(20, '0')}/${c.ClientId}`;
  const { page, next } = paginate(clients, position, input.MaxResults ?? 60, input.NextToken);
  return {
    UserPoolClients: page.map((c) => ({ ClientId: c.ClientId, UserPoolId: c.UserPoolId, ClientName: c.ClientName })),
    ...(next ? { NextToken: next } : {}),
  };
}
