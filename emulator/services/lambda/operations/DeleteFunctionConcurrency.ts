import type { DeleteFunctionConcurrencyCommandInput, DeleteFunctionConcurrencyCommandOutput } from '@aws-sdk/client-lambda';
import type { LambdaOperation } from '../context.js';
import { wholeFunction } from '../function-scope.js';

/** The function shares the account's unreserved concurrency again. */
export const DeleteFunctionConcurrency: LambdaOperation<DeleteFunctionConcurrencyCommandInput, DeleteFunctionConcurrencyCommandOutput> = (
  input,
  ctx,
) => {
  const { functions, fn } = wholeFunction(ctx.runner, ctx.account, ctx.region, input.FunctionName);
  ctx.runner.reservedConcurrency(functions.account, functions.region).delete(fn.name);
  return {};
};
