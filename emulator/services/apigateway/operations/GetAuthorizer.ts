import type { GetAuthorizerCommandInput, GetAuthorizerCommandOutput } from '@aws-sdk/client-api-gateway';
import { notFound } from '../errors.js';
import type { ApiOp } from './context.js';

export const GetAuthorizer: ApiOp<GetAuthorizerCommandInput, GetAuthorizerCommandOutput> = (input, ctx) => {
  const authorizer = ctx.state.api(input.restApiId!).authorizers[input.authorizerId!];
  if (!authorizer) throw notFound.authorizer();
  return authorizer;
};
