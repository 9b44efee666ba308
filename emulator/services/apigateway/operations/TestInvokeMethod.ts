import type { TestInvokeMethodCommandInput, TestInvokeMethodCommandOutput } from '@aws-sdk/client-api-gateway';
import { testInvokeMethod } from '../dataplane/test-invoke.js';
import { findMethod } from '../lookup.js';
import type { ApiOp } from './context.js';

/** Runs a method of the current definition (not a deployment), without its authorizer, and answers the response and execution log. */
export const TestInvokeMethod: ApiOp<TestInvokeMethodCommandInput, TestInvokeMethodCommandOutput> = (input, ctx) => {
  const { api, resource, method } = findMethod(ctx.state, input.restApiId!, input.resourceId!, input.httpMethod!);
  return testInvokeMethod(
    { services: ctx.services, log: ctx.log, account: ctx.state.account, region: ctx.state.region, api, resource, method },
    input,
  );
};
