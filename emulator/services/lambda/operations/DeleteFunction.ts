import type { DeleteFunctionCommandInput, DeleteFunctionCommandOutput } from '@aws-sdk/client-lambda';
import { functionArn } from '../arns.js';
import type { LambdaOperation } from '../context.js';
import { functionNotFound, InvalidParameterValueException } from '../errors.js';
import { LATEST } from '../state.js';

/** Deletes the function (its log group stays, as on AWS), or one published version of it. */
export const DeleteFunction: LambdaOperation<DeleteFunctionCommandInput, DeleteFunctionCommandOutput> = (input, ctx) => {
  const { functions, fn, qualifier: derived } = ctx.runner.find(ctx.account, ctx.region, input.FunctionName);
  const qualifier = input.Qualifier ?? derived;
  if (qualifier === LATEST) throw new InvalidParameterValueException('$LATEST version cannot be deleted without deleting the function.');
  if (qualifier) {
    if (!fn.versions[qualifier]) throw functionNotFound(functionArn(functions.region, functions.account, fn.name, qualifier));
    const previous = Object.values(fn.versions).map((v) => v.codeSha256Hex);
    delete fn.versions[qualifier];
    delete fn.policies[qualifier];
    functions.put(fn);
    functions.pruneCode(fn, previous);
    ctx.runner.retire(functions, fn.name, qualifier);
    return {};
  }
  functions.delete(fn.name);
  ctx.runner.retire(functions, fn.name);
  return {};
};
