import type { GetFunctionConfigurationCommandInput, GetFunctionConfigurationCommandOutput } from '@aws-sdk/client-lambda';
import { toConfiguration } from '../configuration.js';
import type { LambdaOperation } from '../context.js';

export const GetFunctionConfiguration: LambdaOperation<GetFunctionConfigurationCommandInput, GetFunctionConfigurationCommandOutput> = (
  input,
  ctx,
) => {
  const { functions, fn, config, qualifier } = ctx.runner.target(ctx.account, ctx.region, input.FunctionName, input.Qualifier);
  return toConfiguration(config, { account: functions.account, region: functions.region, name: fn.name, qualified: !!qualifier });
};
