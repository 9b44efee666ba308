import type { GetFunctionConfigurationCommandInput, GetFunctionConfigurationCommandOutput } from '@aws-sdk/client-lambda';
import { toConfiguration } from '../configuration.js';
import type { LambdaOperation } from '../context.js';

/** The configuration of a version, or of the version an alias points to (under the alias's ARN). */
export const GetFunctionConfiguration: LambdaOperation<GetFunctionConfigurationCommandInput, GetFunctionConfigurationCommandOutput> = (
  input,
  ctx,
) => {
  const { functions, fn, config, qualifier, alias } = ctx.runner.target(ctx.account, ctx.region, input.FunctionName, input.Qualifier);
  return toConfiguration(config, {
    account: functions.account,
    region: functions.region,
    name: fn.name,
    qualified: !!qualifier,
    ...(alias ? { alias: alias.name } : {}),
  });
};
