import type { GetPolicyCommandInput, GetPolicyCommandOutput } from '@aws-sdk/client-lambda';
import type { LambdaOperation } from '../context.js';
import { ResourceNotFoundException } from '../errors.js';
import { requireQualifier } from '../qualifiers.js';
import { LATEST } from '../state.js';

/** The policy of the function, or of one version or alias: its RevisionId is theirs. */
export const GetPolicy: LambdaOperation<GetPolicyCommandInput, GetPolicyCommandOutput> = (input, ctx) => {
  const { functions, fn, qualifier } = ctx.runner.find(ctx.account, ctx.region, input.FunctionName, input.Qualifier);
  const resolved = requireQualifier(fn, qualifier, functions.account, functions.region);
  const policy = fn.policies[qualifier ?? LATEST];
  if (!policy?.statements.length) throw new ResourceNotFoundException('The resource you requested does not exist.');
  return {
    Policy: JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: policy.statements }),
    RevisionId: resolved.alias?.revisionId ?? resolved.config.revisionId,
  };
};
