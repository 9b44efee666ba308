import type { DeleteAliasCommandInput, DeleteAliasCommandOutput } from '@aws-sdk/client-lambda';
import type { LambdaOperation } from '../context.js';

/** Deletes an alias and its resource policy; deleting one that does not exist succeeds, as on AWS. */
export const DeleteAlias: LambdaOperation<DeleteAliasCommandInput, DeleteAliasCommandOutput> = (input, ctx) => {
  const { functions, fn } = ctx.runner.find(ctx.account, ctx.region, input.FunctionName);
  if (!input.Name || !fn.aliases?.[input.Name]) return {};
  delete fn.aliases[input.Name];
  delete fn.policies[input.Name];
  functions.put(fn);
  return {};
};
