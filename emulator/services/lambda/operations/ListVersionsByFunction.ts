import type { ListVersionsByFunctionCommandInput, ListVersionsByFunctionCommandOutput } from '@aws-sdk/client-lambda';
import { toConfiguration } from '../configuration.js';
import type { LambdaOperation } from '../context.js';
import { paginate, parseMaxItems } from '../pagination.js';
import { LATEST } from '../state.js';

/** Query parameters arrive as text. */
type Input = Omit<ListVersionsByFunctionCommandInput, 'MaxItems'> & { MaxItems?: number | string };

/** `$LATEST` first, then the published versions in order, each with its qualified ARN. */
export const ListVersionsByFunction: LambdaOperation<Input, ListVersionsByFunctionCommandOutput> = (input, ctx) => {
  const maxItems = parseMaxItems(input.MaxItems);
  const { functions, fn } = ctx.runner.find(ctx.account, ctx.region, input.FunctionName);
  const versions = Object.values(fn.versions).sort((a, b) =>
    a.version === LATEST ? -1 : b.version === LATEST ? 1 : Number(a.version) - Number(b.version),
  );
  const { page, nextMarker } = paginate(versions, (v) => v.version, input.Marker, maxItems);
  const place = { account: functions.account, region: functions.region, name: fn.name };
  return {
    Versions: page.map((config) => toConfiguration(config, { ...place, qualified: true, forList: true })),
    ...(nextMarker ? { NextMarker: nextMarker } : {}),
  };
};
