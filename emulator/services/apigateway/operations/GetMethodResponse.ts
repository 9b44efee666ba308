import type { GetMethodResponseCommandInput, GetMethodResponseCommandOutput } from '@aws-sdk/client-api-gateway';
import { invalidStatusCode, notFound } from '../errors.js';
import { findMethod } from '../lookup.js';
import type { ApiOp } from './context.js';

export const GetMethodResponse: ApiOp<GetMethodResponseCommandInput, GetMethodResponseCommandOutput> = (input, ctx) => {
  const invalid = invalidStatusCode(input.statusCode);
  if (invalid) throw invalid;
  const { method } = findMethod(ctx.state, input.restApiId!, input.resourceId!, input.httpMethod!);
  const response = method.methodResponses?.[input.statusCode!];
  if (!response) throw notFound.responseStatus();
  return response;
};
