import type { RemovePermissionCommandInput, RemovePermissionCommandOutput } from '@aws-sdk/client-lambda';
import type { LambdaOperation } from '../context.js';
import { ResourceNotFoundException, revisionMismatch } from '../errors.js';
import { requireQualifier } from '../qualifiers.js';
import { LATEST, touchRevision } from '../state.js';

export const RemovePermission: LambdaOperation<RemovePermissionCommandInput, RemovePermissionCommandOutput> = (input, ctx) => {
  const { functions, fn, qualifier } = ctx.runner.find(ctx.account, ctx.region, input.FunctionName, input.Qualifier);
  const resolved = requireQualifier(fn, qualifier, functions.account, functions.region);
  const key = qualifier ?? LATEST;
  const policy = fn.policies[key];
  if (!policy?.statements.length) throw new ResourceNotFoundException('No policy is associated with the given resource.');
  if (!policy.statements.some((s) => s.Sid === input.StatementId)) {
    throw new ResourceNotFoundException(`Statement ${input.StatementId} is not found in resource policy.`);
  }
  if (input.RevisionId && input.RevisionId !== (resolved.alias?.revisionId ?? resolved.config.revisionId)) throw revisionMismatch();
  const statements = policy.statements.filter((s) => s.Sid !== input.StatementId);
  if (statements.length) fn.policies[key] = { statements };
  else delete fn.policies[key];
  touchRevision(fn, key);
  functions.put(fn);
  return {};
};
