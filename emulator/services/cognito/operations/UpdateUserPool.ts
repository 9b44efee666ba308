import type { UpdateUserPoolCommandInput, UpdateUserPoolCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { type CognitoContext, requirePool } from '../context.js';
import { checkPoolSettings, poolSettings } from '../pool-config.js';
import type { PoolRecord } from '../state.js';
import { Constraints, checkPoolId, NAME, whole } from '../validate.js';
import { epochSeconds, type Out } from '../wire.js';

/** Replaces the pool's settings: as in AWS, a setting the request leaves out goes back to its default. */
export function UpdateUserPool(input: UpdateUserPoolCommandInput, ctx: CognitoContext): Out<UpdateUserPoolCommandOutput> {
  const checks = new Constraints();
  checkPoolId(checks, input.UserPoolId);
  checks.string(input.PoolName, 'poolName', { min: 1, max: 128, pattern: whole(NAME), patternText: NAME.source });
  checkPoolSettings(checks, input);
  checks.check();
  const scope = requirePool(ctx, input.UserPoolId!);
  const old = scope.pool;
  const updated: PoolRecord = {
    Id: old.Id,
    Name: input.PoolName ?? old.Name,
    ...poolSettings(input),
    LastModifiedDate: epochSeconds(),
    CreationDate: old.CreationDate,
    SchemaAttributes: old.SchemaAttributes,
    ...(old.AliasAttributes ? { AliasAttributes: old.AliasAttributes } : {}),
    ...(old.UsernameAttributes ? { UsernameAttributes: old.UsernameAttributes } : {}),
    ...(old.UsernameConfiguration ? { UsernameConfiguration: old.UsernameConfiguration } : {}),
    Arn: old.Arn,
  };
  scope.save(updated);
  return {};
}
