import type { CreateFunctionCommandInput, CreateFunctionCommandOutput } from '@aws-sdk/client-lambda';
import { parseFunctionRef, scopeOf } from '../arns.js';
import { readCode } from '../code.js';
import { toConfiguration } from '../configuration.js';
import type { LambdaOperation, Wire } from '../context.js';
import { InvalidParameterValueException, ResourceConflictException, ValidationException, validationMessage } from '../errors.js';
import { type FunctionRecord, LATEST, lambdaDate, newRevisionId, publishVersion, type VersionConfig } from '../state.js';
import {
  refuseUnsupported,
  validateArchitectures,
  validateDescription,
  validateEnvironment,
  validateHandler,
  validateMemorySize,
  validateRole,
  validateRuntime,
  validateTimeout,
} from '../validation.js';

export const CreateFunction: LambdaOperation<Wire<CreateFunctionCommandInput>, CreateFunctionCommandOutput> = (input, ctx) => {
  const ref = parseFunctionRef(input.FunctionName);
  if (ref.qualifier) {
    throw new ValidationException(
      validationMessage(
        'functionName',
        input.FunctionName,
        'Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)',
      ),
    );
  }
  if (ref.name.length > 64) {
    throw new InvalidParameterValueException(
      validationMessage('functionName', ref.name, 'Member must have length less than or equal to 64'),
    );
  }
  const scope = scopeOf(ref, ctx.account, ctx.region);
  refuseUnsupported(input);
  const environment = validateEnvironment(input.Environment);
  const architectures = validateArchitectures(input.Architectures);
  const role = validateRole(input.Role);
  const runtime = validateRuntime(input.Runtime);
  const handler = validateHandler(input.Handler);
  const timeout = input.Timeout === undefined ? 3 : validateTimeout(input.Timeout);
  const memorySize = input.MemorySize === undefined ? 128 : validateMemorySize(input.MemorySize);
  const description = input.Description === undefined ? '' : validateDescription(input.Description);

  const functions = ctx.runner.functions(scope.account, scope.region);
  if (functions.get(ref.name)) throw new ResourceConflictException(`Function already exist: ${ref.name}`);
  const code = readCode(input.Code, ctx.runner.readS3);

  const latest: VersionConfig = {
    version: LATEST,
    description,
    runtime,
    role,
    handler,
    timeout,
    memorySize,
    ...(environment ? { environment } : {}),
    codeSha256: code.sha256,
    codeSha256Hex: code.sha256Hex,
    codeSize: code.size,
    architectures,
    ephemeralStorage: input.EphemeralStorage?.Size ?? 512,
    tracingMode: input.TracingConfig?.Mode ?? 'PassThrough',
    lastModified: lambdaDate(),
    revisionId: newRevisionId(),
  };
  const fn: FunctionRecord = {
    name: ref.name,
    versions: { [LATEST]: latest },
    nextVersion: 1,
    policies: {},
    ...(input.Tags ? { tags: input.Tags } : {}),
  };
  ctx.runner.keepCode(functions, fn.name, code);
  const returned = input.Publish ? publishVersion(fn) : latest;
  functions.put(fn);
  return toConfiguration(returned, { account: scope.account, region: scope.region, name: fn.name });
};
