import type { ListAliasesCommandInput, ListAliasesCommandOutput } from '@aws-sdk/client-lambda';
import { toAliasConfiguration, validateFunctionVersion } from '../aliases.js';
import type { LambdaOperation } from '../context.js';
import { paginate, parseMaxItems } from '../pagination.js';

/** Query parameters arrive as text. */
type Input = Omit<ListAliasesCommandInput, 'MaxItems'> & { MaxItems?: number | string };

/** The aliases of a function by name, optionally only those pointing to `FunctionVersion`. */
export const ListAliases: LambdaOperation<Input, ListAliasesCommandOutput> = (input, ctx) => {
  const maxItems = parseMaxItems(input.MaxItems);
  const version = input.FunctionVersion === undefined ? undefined : validateFunctionVersion(input.FunctionVersion);
  const { functions, fn } = ctx.runner.find(ctx.account, ctx.region, input.FunctionName);
  const aliases = Object.values(fn.aliases ?? {})
    .filter((alias) => version === undefined || alias.functionVersion === version)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { page, nextMarker } = paginate(aliases, (alias) => alias.name, input.Marker, maxItems);
  const place = { account: functions.account, region: functions.region, name: fn.name };
  return {
    Aliases: page.map((alias) => toAliasConfiguration(place, alias)),
    ...(nextMarker ? { NextMarker: nextMarker } : {}),
  };
};
