import type { GetFunctionCommandInput, GetFunctionCommandOutput } from '@aws-sdk/client-lambda';
import { toConfiguration } from '../configuration.js';
import type { LambdaOperation } from '../context.js';

/** A version (or the version an alias points to, under the alias's ARN), where to download its code, tags and reserved concurrency. */
export const GetFunction: LambdaOperation<GetFunctionCommandInput, GetFunctionCommandOutput> = (input, ctx) => {
  const { functions, fn, config, qualifier, alias } = ctx.runner.target(ctx.account, ctx.region, input.FunctionName, input.Qualifier);
  const query = new URLSearchParams({
    account: functions.account,
    region: functions.region,
    function: fn.name,
    sha256: config.codeSha256Hex,
  });
  const reserved = ctx.runner.reservedConcurrency(functions.account, functions.region).get(fn.name);
  return {
    Configuration: toConfiguration(config, {
      account: functions.account,
      region: functions.region,
      name: fn.name,
      qualified: !!qualifier,
      ...(alias ? { alias: alias.name } : {}),
    }),
    Code: { RepositoryType: 'S3', Location: `${ctx.edgeUrl}/_emulator/lambda/code?${query}` },
    ...(fn.tags && Object.keys(fn.tags).length ? { Tags: fn.tags } : {}),
    ...(reserved !== undefined ? { Concurrency: { ReservedConcurrentExecutions: reserved } } : {}),
  };
};
