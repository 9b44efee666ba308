import type { ListUserPoolsCommandInput, ListUserPoolsCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context.js';
import { paginate } from '../pagination.js';
import { summarizePool } from '../pool-config.js';
import { Constraints } from '../validate.js';
import type { Out } from '../wire.js';

export function ListUserPools(input: ListUserPoolsCommandInput, ctx: CognitoContext): Out<ListUserPoolsCommandOutput> {
  const checks = new Constraints();
  checks.integer(input.MaxResults, 'maxResults', { required: true, min: 1, max: 60 });
  checks.string(input.NextToken, 'nextToken', { min: 1 });
  checks.check();
  const pools = ctx.state.pools(ctx.account, ctx.region).sort((a, b) => a.CreationDate! - b.CreationDate! || (a.Id < b.Id ? -1 : 1));
  const position = (pool: (typeof pools)[number]) => `${pool.CreationDate!.toFixed(3).padStart(20, '0')}/${pool.Id}`;
  const { page, next } = paginate(pools, position, input.MaxResults!, input.NextToken);
  return { UserPools: page.map(summarizePool), ...(next ? { NextToken: next } : {}) };
}
