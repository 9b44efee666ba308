import type { GetPolicyCommandInput, GetPolicyCommandOutput } from '@aws-sdk/client-lambda';
import type { LambdaOperation } from '../context.js';
import { ResourceNotFoundException } from '../errors.js';
import { LATEST } from '../state.js';

export const GetPolicy: LambdaOperation<GetPolicyCommandInput, GetPolicyCommandOutput> = (input, ctx) => {
  const { fn, qualifier } = ctx.runner.target(ctx.account, ctx.region, input.FunctionName, input.Qualifier);
  const policy = fn.policies[qualifier ?? LATEST];
  if (!policy?.statements.length) throw new ResourceNotFoundException('The resource you requested does not exist.');
  return {
    Policy: JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: policy.statements }),
    RevisionId: policy.revisionId,
  };
};
