import type { DeleteRequestValidatorCommandInput, DeleteRequestValidatorCommandOutput } from '@aws-sdk/client-api-gateway';
import { notFound } from '../errors.js';
import type { ApiOp } from './context.js';

export const DeleteRequestValidator: ApiOp<DeleteRequestValidatorCommandInput, DeleteRequestValidatorCommandOutput> = (input, ctx) => {
  const api = ctx.state.apis.get(input.restApiId!);
  if (!api?.requestValidators[input.requestValidatorId!]) throw notFound.requestValidator();
  delete api.requestValidators[input.requestValidatorId!];
  ctx.state.saveApi(api);
  return {};
};
