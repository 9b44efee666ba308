import type { GetAliasCommandInput, GetAliasCommandOutput } from '@aws-sdk/client-lambda';
import { aliasArn, toAliasConfiguration } from '../aliases.js';
import type { LambdaOperation } from '../context.js';
import { ResourceNotFoundException } from '../errors.js';

export const GetAlias: LambdaOperation<GetAliasCommandInput, GetAliasCommandOutput> = (input, ctx) => {
  const { functions, fn } = ctx.runner.find(ctx.account, ctx.region, input.FunctionName);
  const place = { account: functions.account, region: functions.region, name: fn.name };
  const alias = input.Name ? fn.aliases?.[input.Name] : undefined;
  if (!alias) throw new ResourceNotFoundException(`Cannot find alias arn: ${aliasArn(place, input.Name ?? '')}`);
  return toAliasConfiguration(place, alias);
};
