import type { CreateRestApiCommandInput, CreateRestApiCommandOutput } from '@aws-sdk/client-api-gateway';
import { randomLowerId } from '../../../core/ids.js';
import { BadRequestException, ValidationException } from '../errors.js';
import { nowSeconds } from '../lookup.js';
import type { StoredRestApi } from '../model.js';
import type { ApiOp } from './context.js';
import { defaultModels } from './models.js';

export const CreateRestApi: ApiOp<CreateRestApiCommandInput, CreateRestApiCommandOutput> = (input, ctx) => {
  if (!input.name) {
    throw new ValidationException(
      "1 validation error detected: Value null at 'createRestApiInput.name' failed to satisfy constraint: Member must not be null",
    );
  }
  if (input.description === '') throw new BadRequestException('Description cannot be an empty string');
  const compression = input.minimumCompressionSize;
  if (compression !== undefined && (typeof compression !== 'number' || compression < 0 || compression > 10485760)) {
    throw new BadRequestException('Invalid minimum compression size, must be between 0 and 10485760');
  }
  const id = randomLowerId(10);
  const rootResourceId = randomLowerId(10);
  const api: StoredRestApi['api'] = {
    id,
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    createdDate: nowSeconds(),
    ...(input.version ? { version: input.version } : {}),
    ...(input.binaryMediaTypes?.length ? { binaryMediaTypes: input.binaryMediaTypes } : {}),
    ...(compression !== undefined ? { minimumCompressionSize: compression } : {}),
    apiKeySource: input.apiKeySource ?? 'HEADER',
    endpointConfiguration: {
      types: input.endpointConfiguration?.types ?? ['EDGE'],
      ipAddressType:
        input.endpointConfiguration?.ipAddressType ?? (input.endpointConfiguration?.types?.includes('PRIVATE') ? 'dualstack' : 'ipv4'),
      ...(input.endpointConfiguration?.vpcEndpointIds ? { vpcEndpointIds: input.endpointConfiguration.vpcEndpointIds } : {}),
    },
    ...(input.policy ? { policy: input.policy } : {}),
    ...(input.tags && Object.keys(input.tags).length ? { tags: input.tags } : {}),
    disableExecuteApiEndpoint: input.disableExecuteApiEndpoint ?? false,
    rootResourceId,
  };
  ctx.state.saveApi({
    api,
    resources: { [rootResourceId]: { id: rootResourceId, path: '/' } },
    authorizers: {},
    models: defaultModels(),
    requestValidators: {},
    gatewayResponses: {},
    stages: {},
  });
  ctx.locator.remember(id, ctx.account, ctx.region);
  return api;
};
