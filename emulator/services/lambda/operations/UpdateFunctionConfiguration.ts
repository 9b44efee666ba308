import type { UpdateFunctionConfigurationCommandInput, UpdateFunctionConfigurationCommandOutput } from '@aws-sdk/client-lambda';
import { toConfiguration } from '../configuration.js';
import type { LambdaOperation } from '../context.js';
import { revisionMismatch } from '../errors.js';
import { LATEST, lambdaDate, newRevisionId, type VersionConfig } from '../state.js';
import {
  refuseUnsupported,
  validateDescription,
  validateEnvironment,
  validateHandler,
  validateMemorySize,
  validateRole,
  validateRuntime,
  validateTimeout,
} from '../validation.js';

/** Changes the configuration of `$LATEST`: its warm environments are stopped. */
export const UpdateFunctionConfiguration: LambdaOperation<
  UpdateFunctionConfigurationCommandInput,
  UpdateFunctionConfigurationCommandOutput
> = (input, ctx) => {
  const { functions, fn } = ctx.runner.find(ctx.account, ctx.region, input.FunctionName);
  const latest = fn.versions[LATEST]!;
  if (input.RevisionId && input.RevisionId !== latest.revisionId) throw revisionMismatch();
  refuseUnsupported(input);
  const updated: VersionConfig = { ...latest };
  if (input.Role !== undefined) updated.role = validateRole(input.Role);
  if (input.Handler !== undefined) updated.handler = validateHandler(input.Handler);
  if (input.Description !== undefined) updated.description = validateDescription(input.Description);
  if (input.Timeout !== undefined) updated.timeout = validateTimeout(input.Timeout);
  if (input.MemorySize !== undefined) updated.memorySize = validateMemorySize(input.MemorySize);
  if (input.Runtime !== undefined) updated.runtime = validateRuntime(input.Runtime);
  if (input.Environment !== undefined) updated.environment = validateEnvironment(input.Environment) ?? {};
  if (input.EphemeralStorage?.Size !== undefined) updated.ephemeralStorage = input.EphemeralStorage.Size;
  if (input.TracingConfig?.Mode !== undefined) updated.tracingMode = input.TracingConfig.Mode;
  updated.lastModified = lambdaDate();
  updated.revisionId = newRevisionId();
  fn.versions[LATEST] = updated;
  functions.put(fn);
  ctx.runner.retire(functions, fn.name, LATEST);
  return toConfiguration(updated, { account: functions.account, region: functions.region, name: fn.name });
};
