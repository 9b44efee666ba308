import type { CreateUserPoolCommandInput, CreateUserPoolCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { SerializationException } from '../../../core/errors.js';
import { randomAlphanumeric } from '../../../core/ids.js';
import { buildSchema } from '../attributes.js';
import type { CognitoContext } from '../context.js';
import { InvalidParameterException } from '../errors.js';
import { newSigningKey } from '../jwt.js';
import { checkPoolSettings, describePool, poolSettings } from '../pool-config.js';
import type { PoolRecord } from '../state.js';
import { Constraints, NAME, whole } from '../validate.js';
import { epochSeconds, type Out } from '../wire.js';

export function CreateUserPool(input: CreateUserPoolCommandInput, ctx: CognitoContext): Out<CreateUserPoolCommandOutput> {
  const checks = new Constraints();
  checks.string(input.PoolName, 'poolName', { required: true, min: 1, max: 128, pattern: whole(NAME), patternText: NAME.source });
  checkPoolSettings(checks, input);
  checks.check();
  if (input.Schema !== undefined && !Array.isArray(input.Schema)) throw new SerializationException('Value for Schema must be a list.');
  if (input.UsernameAttributes?.length && input.AliasAttributes?.length) {
    throw new InvalidParameterException('Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.');
  }
  const id = `${ctx.region}_${randomAlphanumeric(9)}`;
  const now = epochSeconds();
  const pool: PoolRecord = {
    Id: id,
    Name: input.PoolName,
    ...poolSettings(input),
    LastModifiedDate: now,
    CreationDate: now,
    SchemaAttributes: buildSchema(input.Schema),
    ...(input.AliasAttributes?.length ? { AliasAttributes: input.AliasAttributes } : {}),
    ...(input.UsernameAttributes?.length ? { UsernameAttributes: input.UsernameAttributes } : {}),
    ...(input.UsernameConfiguration ? { UsernameConfiguration: input.UsernameConfiguration } : {}),
    Arn: `arn:aws:cognito-idp:${ctx.region}:${ctx.account}:userpool/${id}`,
  };
  // The key comes first: a pool is never seen without the key that signs its tokens.
  const key = newSigningKey();
  const scope = ctx.state.putPool(ctx.account, ctx.region, pool);
  scope.putSigningKey(key);
  return { UserPool: describePool(scope) };
}
