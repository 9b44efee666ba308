import type { UpdateRequestValidatorCommandInput, UpdateRequestValidatorCommandOutput } from '@aws-sdk/client-api-gateway';
import { BadRequestException, notFound } from '../errors.js';
import { validateOps } from '../patch.js';
import type { ApiOp } from './context.js';

export const UpdateRequestValidator: ApiOp<UpdateRequestValidatorCommandInput, UpdateRequestValidatorCommandOutput> = (input, ctx) => {
  const api = ctx.state.apis.get(input.restApiId!);
  const validator = api?.requestValidators[input.requestValidatorId!];
  if (!api || !validator) throw notFound.requestValidator();
  validateOps(input.patchOperations, 'updateRequestValidatorInput');
  for (const { op, path, value } of input.patchOperations ?? []) {
    if (op !== 'replace')
      throw new BadRequestException(`Invalid patch path  '${path}' specified for op '${op}'. Please choose supported operations`);
    if (path === '/name') {
      if (!value) throw new BadRequestException('Request Validator name cannot be blank');
      validator.name = value;
    } else if (path === '/validateRequestBody' || path === '/validateRequestParameters') {
      validator[path === '/validateRequestBody' ? 'validateRequestBody' : 'validateRequestParameters'] =
        String(value).toLowerCase() === 'true';
    } else {
      throw new BadRequestException(
        `Invalid patch path  '${path}' specified for op 'replace'. Must be one of: [/name, /validateRequestParameters, /validateRequestBody]`,
      );
    }
  }
  ctx.state.saveApi(api);
  return validator;
};
