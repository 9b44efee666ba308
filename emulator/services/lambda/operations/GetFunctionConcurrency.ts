import type { GetFunctionConcurrencyCommandInput, GetFunctionConcurrencyCommandOutput } from '@aws-sdk/client-lambda';
import type { LambdaOperation } from '../context.js';
import { wholeFunction } from '../function-scope.js';

/** The function's reserved concurrency; an empty answer when none is set. */
export const GetFunctionConcurrency: LambdaOperation<GetFunctionConcurrencyCommandInput, GetFunctionConcurrencyCommandOutput> = (
  input,
  ctx,
) => {
  const { functions, fn } = wholeFunction(ctx.runner, ctx.account, ctx.region, input.FunctionName);
  const reserved = ctx.runner.reservedConcurrency(functions.account, functions.region).get(fn.name);
  return reserved === undefined ? {} : { ReservedConcurrentExecutions: reserved };
};
