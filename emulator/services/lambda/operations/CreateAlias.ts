import type { CreateAliasCommandInput, CreateAliasCommandOutput } from '@aws-sdk/client-lambda';
import {
  aliasArn,
  requireVersion,
  toAliasConfiguration,
  validateAliasDescription,
  validateAliasName,
  validateFunctionVersion,
  validateRouting,
} from '../aliases.js';
import type { LambdaOperation } from '../context.js';
import { ResourceConflictException } from '../errors.js';
import { type AliasRecord, newRevisionId } from '../state.js';

export const CreateAlias: LambdaOperation<CreateAliasCommandInput, CreateAliasCommandOutput> = (input, ctx) => {
  const name = validateAliasName(input.Name);
  const functionVersion = validateFunctionVersion(input.FunctionVersion);
  const description = validateAliasDescription(input.Description) ?? '';
  const { functions, fn } = ctx.runner.find(ctx.account, ctx.region, input.FunctionName);
  const place = { account: functions.account, region: functions.region, name: fn.name };
  requireVersion(fn, place, functionVersion);
  if (fn.aliases?.[name]) throw new ResourceConflictException(`Alias already exists: ${aliasArn(place, name)}`);
  const weights = validateRouting(fn, place, functionVersion, input.RoutingConfig?.AdditionalVersionWeights);
  const alias: AliasRecord = {
    name,
    functionVersion,
    description,
    ...(weights ? { additionalVersionWeights: weights } : {}),
    revisionId: newRevisionId(),
  };
  fn.aliases = { ...fn.aliases, [name]: alias };
  functions.put(fn);
  return toAliasConfiguration(place, alias);
};
