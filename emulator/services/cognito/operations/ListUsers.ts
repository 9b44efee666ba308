import type { ListUsersCommandInput, ListUsersCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { SerializationException } from '../../../core/errors.js';
import { type CognitoContext, requirePool } from '../context.js';
import { userFilter } from '../filter.js';
import { paginate } from '../pagination.js';
import { userView } from '../users.js';
import { Constraints, checkPoolId } from '../validate.js';
import type { Out } from '../wire.js';

export function ListUsers(input: ListUsersCommandInput, ctx: CognitoContext): Out<ListUsersCommandOutput> {
  const checks = new Constraints();
  checkPoolId(checks, input.UserPoolId);
  checks.integer(input.Limit, 'limit', { min: 0, max: 60 });
  checks.string(input.PaginationToken, 'paginationToken', { min: 1, pattern: /^\S+$/, patternText: '[\\S]+' });
  checks.string(input.Filter, 'filter', { max: 256 });
  checks.check();
  if (input.AttributesToGet !== undefined && !Array.isArray(input.AttributesToGet)) {
    throw new SerializationException('Value for AttributesToGet must be a list.');
  }
  const scope = requirePool(ctx, input.UserPoolId!);
  const matches = userFilter(input.Filter);
  const users = scope.users().filter(matches);
  const { page, next } = paginate(users, (u) => scope.usernameKey(u.Username), input.Limit || 60, input.PaginationToken);
  return { Users: page.map((u) => userView(u, input.AttributesToGet)), ...(next ? { PaginationToken: next } : {}) };
}
