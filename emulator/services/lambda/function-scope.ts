import { functionArn, parseFunctionRef, scopeOf } from './arns.js';
import { functionNotFound, InvalidParameterValueException } from './errors.js';
import type { FunctionRunner } from './function-runner.js';
import { type FunctionRecord, type FunctionStore, LATEST } from './state.js';

/**
 * The function an operation on the whole function (reserved concurrency) names, which refuses
 * versions and aliases. PutFunctionConcurrency reports a missing function with its `$LATEST` ARN.
 */
export function wholeFunction(
  runner: FunctionRunner,
  account: string,
  region: string,
  functionName: unknown,
  missingAsLatest = false,
): { functions: FunctionStore; fn: FunctionRecord } {
  const ref = parseFunctionRef(functionName);
  if (ref.qualifier) {
    throw new InvalidParameterValueException(
      'This operation is permitted on Lambda functions only. Aliases and versions do not support this operation. Please specify either a function name or an unqualified function ARN.',
    );
  }
  const scope = scopeOf(ref, account, region);
  const functions = runner.functions(scope.account, scope.region);
  const fn = functions.get(ref.name);
  if (!fn) throw functionNotFound(functionArn(scope.region, scope.account, ref.name, missingAsLatest ? LATEST : undefined));
  return { functions, fn };
}
