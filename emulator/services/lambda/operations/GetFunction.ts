import type { GetFunctionCommandInput, GetFunctionCommandOutput } from '@aws-sdk/client-lambda';
import { toConfiguration } from '../configuration.js';
import type { LambdaOperation } from '../context.js';

export const GetFunction: LambdaOperation<GetFunctionCommandInput, GetFunctionCommandOutput> = (input, ctx) => {
  const { functions, fn, config, qualifier } = ctx.runner.target(ctx.account, ctx.region, input.FunctionName, input.Qualifier);
  const query = new URLSearchParams({
    account: functions.account,
    region: functions.region,
    function: fn.name,
    sha256: config.codeSha256Hex,
  });
  return {
    Configuration: toConfiguration(config, { account: functions.account, region: functions.region, name: fn.name, qualified: !!qualifier }),
    Code: { RepositoryType: 'S3', Location: `${ctx.edgeUrl}/_emulator/lambda/code?${query}` },
    ...(fn.tags && Object.keys(fn.tags).length ? { Tags: fn.tags } : {}),
  };
};
