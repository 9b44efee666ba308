import type { RemovePermissionCommandInput, RemovePermissionCommandOutput } from '@aws-sdk/client-lambda';
import type { LambdaOperation } from '../context.js';
import { ResourceNotFoundException, revisionMismatch } from '../errors.js';
import { LATEST } from '../state.js';

export const RemovePermission: LambdaOperation<RemovePermissionCommandInput, RemovePermissionCommandOutput> = (input, ctx) => {
  const { functions, fn, qualifier } = ctx.runner.target(ctx.account, ctx.region, input.FunctionName, input.Qualifier);
  const key = qualifier ?? LATEST;
  const policy = fn.policies[key];
  if (!policy?.statements.length) throw new ResourceNotFoundException('No policy is associated with the given resource.');
  if (!policy.statements.some((s) => s.Sid === input.StatementId)) {
    throw new ResourceNotFoundException(`Statement ${input.StatementId} is not found in resource policy.`);
  }
  if (input.RevisionId && input.RevisionId !== policy.revisionId) throw revisionMismatch();
  const statements = policy.statements.filter((s) => s.Sid !== input.StatementId);
  if (statements.length) fn.policies[key] = { ...policy, statements };
  else delete fn.policies[key];
  functions.put(fn);
  return {};
};
