import type { GetIntegrationCommandInput, GetIntegrationCommandOutput } from '@aws-sdk/client-api-gateway';
import { notFound } from '../errors.js';
import { findMethod } from '../lookup.js';
import type { ApiOp } from './context.js';

export const GetIntegration: ApiOp<GetIntegrationCommandInput, GetIntegrationCommandOutput> = (input, ctx) => {
  const { method } = findMethod(ctx.state, input.restApiId!, input.resourceId!, input.httpMethod!);
  if (!method.methodIntegration) throw notFound.integration();
  return method.methodIntegration;
};
