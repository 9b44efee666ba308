import type { DeleteFunctionCommandInput, DeleteFunctionCommandOutput } from '@aws-sdk/client-lambda';
import { functionArn } from '../arns.js';
import type { LambdaOperation } from '../context.js';
import { functionNotFound, InvalidParameterValueException, ResourceConflictException } from '../errors.js';
import { aliasesReferencing, VERSION_NUMBER } from '../qualifiers.js';
import { LATEST } from '../state.js';

/**
 * Deletes the function with its versions, aliases and reserved concurrency (its log group stays,
 * as on AWS), or one published version that no alias routes to.
 */
export const DeleteFunction: LambdaOperation<DeleteFunctionCommandInput, DeleteFunctionCommandOutput> = (input, ctx) => {
  const { functions, fn, qualifier } = ctx.runner.find(ctx.account, ctx.region, input.FunctionName, input.Qualifier);
  if (qualifier === LATEST) throw new InvalidParameterValueException('$LATEST version cannot be deleted without deleting the function.');
  if (qualifier && !VERSION_NUMBER.test(qualifier)) throw new InvalidParameterValueException('Deletion of aliases is not supported.');
  if (qualifier) {
    if (!fn.versions[qualifier]) throw functionNotFound(functionArn(functions.region, functions.account, fn.name, qualifier));
    const referencing = aliasesReferencing(fn, qualifier);
    if (referencing.length) {
      throw new ResourceConflictException(
        `Unable to delete version because the following aliases reference it: [${referencing.join(', ')}]`,
      );
    }
    const previous = Object.values(fn.versions).map((v) => v.codeSha256Hex);
    delete fn.versions[qualifier];
    delete fn.policies[qualifier];
    functions.put(fn);
    functions.pruneCode(fn, previous);
    ctx.runner.retire(functions, fn.name, qualifier);
    return {};
  }
  functions.delete(fn.name);
  ctx.runner.reservedConcurrency(functions.account, functions.region).delete(fn.name);
  ctx.runner.retire(functions, fn.name);
  return {};
};
