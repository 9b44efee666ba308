import type { CreateAuthorizerCommandInput, CreateAuthorizerCommandOutput } from '@aws-sdk/client-api-gateway';
import { randomLowerId } from '../../../core/ids.js';
import { ConflictException, ValidationException } from '../errors.js';
import type { ApiOp } from './context.js';

const TYPES = ['TOKEN', 'REQUEST', 'COGNITO_USER_POOLS'];

export const CreateAuthorizer: ApiOp<CreateAuthorizerCommandInput, CreateAuthorizerCommandOutput> = (input, ctx) => {
  const api = ctx.state.apis.get(input.restApiId!);
  // What AWS answers for an unknown API id here.
  if (!api) throw new ConflictException('Unable to complete operation due to concurrent modification. Please try again later.');
  if (!TYPES.includes(input.type ?? '')) {
    throw new ValidationException(
      `1 validation error detected: Value '${input.type}' at 'createAuthorizerInput.type' failed to satisfy constraint: Member must satisfy enum value set: [TOKEN, REQUEST, COGNITO_USER_POOLS]`,
    );
  }
  const authorizer = {
    id: randomLowerId(6),
    name: input.name,
    type: input.type,
    ...(input.providerARNs ? { providerARNs: input.providerARNs } : {}),
    ...(input.authType ? { authType: input.authType } : {}),
    ...(input.authorizerUri ? { authorizerUri: input.authorizerUri } : {}),
    ...(input.authorizerCredentials ? { authorizerCredentials: input.authorizerCredentials } : {}),
    ...(input.identitySource ? { identitySource: input.identitySource } : {}),
    ...(input.identityValidationExpression ? { identityValidationExpression: input.identityValidationExpression } : {}),
    authorizerResultTtlInSeconds: input.authorizerResultTtlInSeconds ?? 300,
  };
  api.authorizers[authorizer.id] = authorizer;
  ctx.state.saveApi(api);
  return authorizer;
};
