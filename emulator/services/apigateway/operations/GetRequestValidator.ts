import type { GetRequestValidatorCommandInput, GetRequestValidatorCommandOutput } from '@aws-sdk/client-api-gateway';
import { notFound } from '../errors.js';
import type { ApiOp } from './context.js';

export const GetRequestValidator: ApiOp<GetRequestValidatorCommandInput, GetRequestValidatorCommandOutput> = (input, ctx) => {
  const validator = ctx.state.apis.get(input.restApiId!)?.requestValidators[input.requestValidatorId!];
  if (!validator) throw notFound.requestValidator();
  return validator;
};
