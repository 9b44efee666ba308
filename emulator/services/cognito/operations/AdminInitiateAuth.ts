import type { AdminInitiateAuthCommandInput, AdminInitiateAuthCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { allowedFlows } from '../client-config.js';
import { type CognitoContext, requirePool } from '../context.js';
import { clientNotFound, InvalidParameterException } from '../errors.js';
import { passwordSignIn, type SignInRequest, startSrp } from '../sign-in.js';
import { metadataMap } from '../triggers.js';
import { Constraints, checkClientId, checkPoolId } from '../validate.js';
import type { Out } from '../wire.js';
import { AUTH_FLOWS, authParameters, refreshSignIn } from './InitiateAuth.js';

export async function AdminInitiateAuth(
  input: AdminInitiateAuthCommandInput,
  ctx: CognitoContext,
): Promise<Out<AdminInitiateAuthCommandOutput>> {
  const checks = new Constraints();
  checkPoolId(checks, input.UserPoolId);
  checkClientId(checks, input.ClientId);
  checks.oneOf(input.AuthFlow, 'authFlow', AUTH_FLOWS, { required: true });
  checks.check();
  const params = authParameters(input.AuthParameters);
  const scope = requirePool(ctx, input.UserPoolId!);
  const client = scope.client(input.ClientId!);
  if (!client) throw clientNotFound(input.ClientId!);
  if (input.AuthFlow === 'USER_PASSWORD_AUTH') throw new InvalidParameterException('Initiate Auth method not supported.');
  const flow =
    input.AuthFlow === 'REFRESH_TOKEN'
      ? 'REFRESH_TOKEN_AUTH'
      : input.AuthFlow === 'ADMIN_NO_SRP_AUTH'
        ? 'ADMIN_USER_PASSWORD_AUTH'
        : input.AuthFlow!;
  if (!allowedFlows(client).has(flow)) throw new InvalidParameterException(`${flow} flow not enabled for this client`);
  const req: SignInRequest = { ctx, scope, client, flow, clientMetadata: metadataMap(input.ClientMetadata) };
  switch (flow) {
    case 'ADMIN_USER_PASSWORD_AUTH':
      return passwordSignIn(req, params);
    case 'USER_SRP_AUTH':
      return startSrp(req, params);
    case 'REFRESH_TOKEN_AUTH':
      return refreshSignIn(req, params);
    default:
      throw new InvalidParameterException(
        `The ${flow} flow is not supported by the local cloud yet: use ADMIN_USER_PASSWORD_AUTH, USER_SRP_AUTH or REFRESH_TOKEN_AUTH.`,
      );
  }
}
