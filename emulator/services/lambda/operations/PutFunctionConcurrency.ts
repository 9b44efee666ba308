import type { PutFunctionConcurrencyCommandInput, PutFunctionConcurrencyCommandOutput } from '@aws-sdk/client-lambda';
import { minimumUnreserved } from '../concurrency.js';
import type { LambdaOperation } from '../context.js';
import { InvalidParameterValueException, ValidationException, validationMessage } from '../errors.js';
import { wholeFunction } from '../function-scope.js';

/**
 * Reserves concurrency for a function: at most that many of its invocations run at once (0 stops
 * them all), and the rest of the account may not use it. AWS keeps at least 100 (or the whole
 * limit, when lower) unreserved.
 */
export const PutFunctionConcurrency: LambdaOperation<PutFunctionConcurrencyCommandInput, PutFunctionConcurrencyCommandOutput> = (
  input,
  ctx,
) => {
  const value = input.ReservedConcurrentExecutions;
  if (value === undefined || value === null) {
    throw new ValidationException(validationMessage('reservedConcurrentExecutions', value, 'Member must not be null'));
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ValidationException(validationMessage('reservedConcurrentExecutions', value, 'Member must be an integer'));
  }
  if (value < 0) {
    throw new ValidationException(
      validationMessage('reservedConcurrentExecutions', String(value), 'Member must have value greater than or equal to 0'),
    );
  }
  const { functions, fn } = wholeFunction(ctx.runner, ctx.account, ctx.region, input.FunctionName, true);
  const reservations = ctx.runner.reservedConcurrency(functions.account, functions.region);
  const limit = ctx.runner.gate.accountLimit;
  const minimum = minimumUnreserved(limit);
  if (limit - reservations.total(fn.name) - value < minimum) {
    throw new InvalidParameterValueException(
      `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${minimum}].`,
    );
  }
  reservations.set(fn.name, value);
  return { ReservedConcurrentExecutions: value };
};
