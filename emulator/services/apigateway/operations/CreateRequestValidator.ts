import type { CreateRequestValidatorCommandInput, CreateRequestValidatorCommandOutput } from '@aws-sdk/client-api-gateway';
import { randomLowerId } from '../../../core/ids.js';
import { BadRequestException } from '../errors.js';
import type { ApiOp } from './context.js';

export const CreateRequestValidator: ApiOp<CreateRequestValidatorCommandInput, CreateRequestValidatorCommandOutput> = (input, ctx) => {
  const api = ctx.state.apis.get(input.restApiId!);
  if (!api) throw new BadRequestException('Invalid REST API identifier specified');
  const validator = {
    id: randomLowerId(6),
    ...(input.name !== undefined ? { name: input.name } : {}),
    validateRequestBody: input.validateRequestBody ?? false,
    validateRequestParameters: input.validateRequestParameters ?? false,
  };
  api.requestValidators[validator.id] = validator;
  ctx.state.saveApi(api);
  return validator;
};
