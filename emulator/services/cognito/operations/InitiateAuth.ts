import type { InitiateAuthCommandInput, InitiateAuthCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { SerializationException } from '../../../core/errors.js';
import { allowedFlows } from '../client-config.js';
import { type CognitoContext, checkSecretHash, hidesUserExistence, requireClient } from '../context.js';
import { InvalidParameterException, NotAuthorizedException, UserNotConfirmedException, userNotFound } from '../errors.js';
import { passwordMatches } from '../passwords.js';
import { attribute, type ClientRecord, type PoolScope } from '../state.js';
import { issueTokens, refreshTokenHash, signIn } from '../tokens.js';
import { Constraints, checkClientId } from '../validate.js';
import type { Out } from '../wire.js';

const FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
];

type Result = Out<InitiateAuthCommandOutput>;
type Params = Record<string, string>;

function parameter(params: Params, name: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value === '') throw new InvalidParameterException(`Missing required parameter ${name}`);
  return value;
}

async function passwordAuth(ctx: CognitoContext, scope: PoolScope, client: ClientRecord, params: Params): Promise<Result> {
  const username = parameter(params, 'USERNAME');
  const password = parameter(params, 'PASSWORD');
  checkSecretHash(client, [username], params.SECRET_HASH);
  const user = scope.findUser(username);
  if (!user) {
    if (hidesUserExistence(client)) throw new NotAuthorizedException('Incorrect username or password.');
    throw userNotFound();
  }
  // Cognito says an unconfirmed user is unconfirmed before it looks at the password.
  if (!user.Enabled) throw new NotAuthorizedException('User is disabled.');
  if (user.UserStatus === 'UNCONFIRMED') throw new UserNotConfirmedException('User is not confirmed.');
  if (!(await passwordMatches(password, user.passwordHash))) throw new NotAuthorizedException('Incorrect username or password.');
  return { ChallengeParameters: {}, AuthenticationResult: signIn(scope, client, user, ctx.issuerBase, ctx.keys) };
}

/** New ID and access tokens for the session the refresh token belongs to; no new refresh token. */
async function refreshAuth(ctx: CognitoContext, scope: PoolScope, client: ClientRecord, params: Params): Promise<Result> {
  const token = parameter(params, 'REFRESH_TOKEN');
  const record = scope.refreshToken(refreshTokenHash(token));
  if (!record || record.clientId !== client.ClientId) throw new NotAuthorizedException('Invalid Refresh Token');
  if (record.expiresAt <= Date.now()) throw new NotAuthorizedException('Refresh Token has expired');
  const user = scope.user(record.username);
  if (!user) throw new NotAuthorizedException('Invalid Refresh Token');
  const names = [params.USERNAME, user.Username, attribute(user, 'sub')].filter((n): n is string => typeof n === 'string');
  checkSecretHash(client, names, params.SECRET_HASH);
  if (!user.Enabled) throw new NotAuthorizedException('User is disabled.');
  const tokens = issueTokens(scope, client, user, record, ctx.issuerBase, ctx.keys);
  return {
    ChallengeParameters: {},
    AuthenticationResult: { AccessToken: tokens.AccessToken, ExpiresIn: tokens.ExpiresIn, TokenType: 'Bearer', IdToken: tokens.IdToken },
  };
}

export async function InitiateAuth(input: InitiateAuthCommandInput, ctx: CognitoContext): Promise<Result> {
  const checks = new Constraints();
  checks.oneOf(input.AuthFlow, 'authFlow', FLOWS, { required: true });
  checkClientId(checks, input.ClientId);
  checks.check();
  const params = input.AuthParameters ?? {};
  if (typeof params !== 'object' || Array.isArray(params)) throw new SerializationException('Value for AuthParameters must be a map.');
  const { scope, client } = requireClient(ctx, input.ClientId!);
  if (input.AuthFlow === 'ADMIN_NO_SRP_AUTH' || input.AuthFlow === 'ADMIN_USER_PASSWORD_AUTH') {
    throw new InvalidParameterException('Initiate Auth method not supported.');
  }
  const flow = input.AuthFlow === 'REFRESH_TOKEN' ? 'REFRESH_TOKEN_AUTH' : input.AuthFlow!;
  if (!allowedFlows(client).has(flow)) throw new InvalidParameterException(`${flow} flow not enabled for this client`);
  switch (flow) {
    case 'USER_PASSWORD_AUTH':
      return passwordAuth(ctx, scope, client, params);
    case 'REFRESH_TOKEN_AUTH':
      return refreshAuth(ctx, scope, client, params);
    default:
      throw new InvalidParameterException(
        `The ${flow} flow is not supported by the local cloud yet: use USER_PASSWORD_AUTH (allow ALLOW_USER_PASSWORD_AUTH on the app client).`,
      );
  }
}
