import type { GetMethodCommandInput, GetMethodCommandOutput } from '@aws-sdk/client-api-gateway';
import { findMethod } from '../lookup.js';
import type { ApiOp } from './context.js';
import { methodView } from './method-checks.js';

export const GetMethod: ApiOp<GetMethodCommandInput, GetMethodCommandOutput> = (input, ctx) =>
  methodView(findMethod(ctx.state, input.restApiId!, input.resourceId!, input.httpMethod!).method);
