import type { InitiateAuthCommandInput, InitiateAuthCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { SerializationException } from '../../../core/errors.js';
import { allowedFlows } from '../client-config.js';
import { type CognitoContext, checkSecretHash, requireClient } from '../context.js';
import { InvalidParameterException, NotAuthorizedException } from '../errors.js';
import { type AuthAnswer, type Params, parameter, passwordSignIn, preTokenGeneration, type SignInRequest, startSrp } from '../sign-in.js';
import { attribute } from '../state.js';
import { issueTokens, refreshTokenHash } from '../tokens.js';
import { metadataMap } from '../triggers.js';
import { Constraints, checkClientId } from '../validate.js';
import type { Out } from '../wire.js';

export const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
];

/** The AuthParameters map, checked for shape. */
export function authParameters(value: unknown): Params {
  const params = value ?? {};
  if (typeof params !== 'object' || Array.isArray(params)) throw new SerializationException('Value for AuthParameters must be a map.');
  return params as Params;
}

/** New ID and access tokens for the session the refresh token belongs to; no new refresh token. */
export async function refreshSignIn(req: SignInRequest, params: Params): Promise<AuthAnswer> {
  const { scope, client } = req;
  const token = parameter(params, 'REFRESH_TOKEN');
  const record = scope.refreshToken(refreshTokenHash(token));
  if (!record || record.clientId !== client.ClientId) throw new NotAuthorizedException('Invalid Refresh Token');
  if (record.revoked) throw new NotAuthorizedException('Refresh Token has been revoked');
  if (record.expiresAt <= Date.now()) throw new NotAuthorizedException('Refresh Token has expired');
  const user = scope.user(record.username);
  if (!user) throw new NotAuthorizedException('Invalid Refresh Token');
  const names = [params.USERNAME, user.Username, attribute(user, 'sub')].filter((n): n is string => typeof n === 'string');
  checkSecretHash(client, names, params.SECRET_HASH);
  if (!user.Enabled) throw new NotAuthorizedException('User is disabled.');
  const overrides = await preTokenGeneration(req, user, 'TokenGeneration_RefreshTokens', req.clientMetadata);
  const tokens = issueTokens(scope, client, user, record, req.ctx.issuerBase, req.ctx.keys, overrides);
  return {
    ChallengeParameters: {},
    AuthenticationResult: { AccessToken: tokens.AccessToken, ExpiresIn: tokens.ExpiresIn, TokenType: 'Bearer', IdToken: tokens.IdToken },
  };
}

export async function InitiateAuth(input: InitiateAuthCommandInput, ctx: CognitoContext): Promise<Out<InitiateAuthCommandOutput>> {
  const checks = new Constraints();
  checks.oneOf(input.AuthFlow, 'authFlow', AUTH_FLOWS, { required: true });
  checkClientId(checks, input.ClientId);
  checks.check();
  const params = authParameters(input.AuthParameters);
  const { scope, client } = requireClient(ctx, input.ClientId!);
  if (input.AuthFlow === 'ADMIN_NO_SRP_AUTH' || input.AuthFlow === 'ADMIN_USER_PASSWORD_AUTH') {
    throw new InvalidParameterException('Initiate Auth method not supported.');
  }
  const flow = input.AuthFlow === 'REFRESH_TOKEN' ? 'REFRESH_TOKEN_AUTH' : input.AuthFlow!;
  if (!allowedFlows(client).has(flow)) throw new InvalidParameterException(`${flow} flow not enabled for this client`);
  const req: SignInRequest = { ctx, scope, client, flow, clientMetadata: metadataMap(input.ClientMetadata) };
  switch (flow) {
    case 'USER_PASSWORD_AUTH':
      return passwordSignIn(req, params);
    case 'USER_SRP_AUTH':
      return startSrp(req, params);
    case 'REFRESH_TOKEN_AUTH':
      return refreshSignIn(req, params);
    default:
      throw new InvalidParameterException(
        `The ${flow} flow is not supported by the local cloud yet: use USER_SRP_AUTH or USER_PASSWORD_AUTH.`,
      );
  }
}
