import type { DeleteAuthorizerCommandInput, DeleteAuthorizerCommandOutput } from '@aws-sdk/client-api-gateway';
import { BadRequestException, notFound } from '../errors.js';
import type { ApiOp } from './context.js';

export const DeleteAuthorizer: ApiOp<DeleteAuthorizerCommandInput, DeleteAuthorizerCommandOutput> = (input, ctx) => {
  const api = ctx.state.api(input.restApiId!);
  const authorizer = api.authorizers[input.authorizerId!];
  if (!authorizer) throw notFound.authorizer();
  for (const resource of Object.values(api.resources)) {
    for (const method of Object.values(resource.resourceMethods ?? {})) {
      if (method.authorizerId === authorizer.id) {
        throw new BadRequestException(
          `Cannot delete authorizer '${authorizer.name}', is referenced in method: ${method.httpMethod} ${resource.path}`,
        );
      }
    }
  }
  delete api.authorizers[authorizer.id!];
  ctx.state.saveApi(api);
  return {};
};
