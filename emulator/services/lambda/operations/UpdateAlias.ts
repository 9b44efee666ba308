import type { UpdateAliasCommandInput, UpdateAliasCommandOutput } from '@aws-sdk/client-lambda';
import {
  aliasArn,
  requireVersion,
  toAliasConfiguration,
  validateAliasDescription,
  validateFunctionVersion,
  validateRouting,
} from '../aliases.js';
import type { LambdaOperation } from '../context.js';
import { ResourceNotFoundException, revisionMismatch } from '../errors.js';
import { type AliasRecord, newRevisionId } from '../state.js';

/** Points an alias elsewhere; invocations through it run the new version from the next one on. */
export const UpdateAlias: LambdaOperation<UpdateAliasCommandInput, UpdateAliasCommandOutput> = (input, ctx) => {
  const functionVersion = input.FunctionVersion === undefined ? undefined : validateFunctionVersion(input.FunctionVersion);
  const description = validateAliasDescription(input.Description);
  const { functions, fn } = ctx.runner.find(ctx.account, ctx.region, input.FunctionName);
  const place = { account: functions.account, region: functions.region, name: fn.name };
  const current = input.Name ? fn.aliases?.[input.Name] : undefined;
  if (!current) throw new ResourceNotFoundException(`Alias not found: ${aliasArn(place, input.Name ?? '')}`);
  if (input.RevisionId && input.RevisionId !== current.revisionId) throw revisionMismatch();
  const target = functionVersion ?? current.functionVersion;
  if (functionVersion !== undefined) requireVersion(fn, place, functionVersion);
  const weights = validateRouting(
    fn,
    place,
    target,
    input.RoutingConfig === undefined ? current.additionalVersionWeights : input.RoutingConfig.AdditionalVersionWeights,
  );
  const alias: AliasRecord = {
    name: current.name,
    functionVersion: target,
    description: description ?? current.description,
    ...(weights ? { additionalVersionWeights: weights } : {}),
    revisionId: newRevisionId(),
  };
  fn.aliases = { ...fn.aliases, [alias.name]: alias };
  functions.put(fn);
  return toAliasConfiguration(place, alias);
};
