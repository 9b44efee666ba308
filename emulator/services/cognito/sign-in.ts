import { createHash, randomBytes } from 'node:crypto';
import type { InitiateAuthCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { applyAttributeChanges } from './attribute-updates.js';
import { type CognitoContext, checkSecretHash, hidesUserExistence } from './context.js';
import {
  INCORRECT_CREDENTIALS,
  InvalidParameterException,
  NotAuthorizedException,
  PasswordResetRequiredException,
  UserNotConfirmedException,
  userNotFound,
} from './errors.js';
import { passwordMatches, requireConforming, setPassword } from './passwords.js';
import { claimValid, decoyVerifier, serverEphemeral, srpPoolName, timestampWellFormed, validClientPublic } from './srp.js';
import { type AuthSessionRecord, attribute, type ClientRecord, type PoolScope, type UserRecord } from './state.js';
import { signIn, type TokenOverrides } from './tokens.js';
import { runTrigger, triggerAttributes, triggerFunction } from './triggers.js';
import { epochSeconds, type Out } from './wire.js';

/** What InitiateAuth, RespondToAuthChallenge and their Admin forms answer. */
export type AuthAnswer = Out<InitiateAuthCommandOutput>;
export type Params = Record<string, string>;

export function parameter(params: Params, name: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value === '') throw new InvalidParameterException(`Missing required parameter ${name}`);
  return value;
}

/** Opaque tokens handed to the client (SECRET_BLOCK, Session): random bytes; the store keeps only their hash. */
const opaqueToken = () => randomBytes(384).toString('base64');
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** How long a challenge stays answerable: the client's AuthSessionValidity, in minutes (3 by default). */
const sessionLifetimeMs = (client: ClientRecord) => (client.AuthSessionValidity ?? 3) * 60_000;

/** Where a sign-in goes on from: InitiateAuth's ClientMetadata is the PreAuthentication trigger's validationData. */
export interface SignInRequest {
  ctx: CognitoContext;
  scope: PoolScope;
  client: ClientRecord;
  /** "USER_SRP_AUTH", "ADMIN_USER_PASSWORD_AUTH", ... */
  flow: string;
  clientMetadata?: Record<string, string>;
}

async function preAuthentication(req: SignInRequest, user: UserRecord | undefined, name: string): Promise<void> {
  if (!triggerFunction(req.scope, 'PreAuthentication')) return;
  await runTrigger(req.ctx, req.scope, 'PreAuthentication', {
    triggerSource: 'PreAuthentication_Authentication',
    userName: user?.Username ?? name,
    clientId: req.client.ClientId,
    request: {
      userAttributes: user ? triggerAttributes(user) : {},
      validationData: req.clientMetadata,
      ...(user ? {} : { userNotFound: true }),
    },
    response: {},
  });
}

/** USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH: the password in one call. */
export async function passwordSignIn(req: SignInRequest, params: Params): Promise<AuthAnswer> {
  const { scope, client } = req;
  const username = parameter(params, 'USERNAME');
  const password = parameter(params, 'PASSWORD');
  checkSecretHash(client, [username], params.SECRET_HASH);
  const user = scope.findUser(username);
  if (!user) {
    if (!hidesUserExistence(client)) throw userNotFound();
    await preAuthentication(req, undefined, username);
    throw new NotAuthorizedException(INCORRECT_CREDENTIALS);
  }
  // Cognito says an unconfirmed user is unconfirmed before it looks at the password.
  if (!user.Enabled) throw new NotAuthorizedException('User is disabled.');
  if (user.UserStatus === 'UNCONFIRMED') throw new UserNotConfirmedException('User is not confirmed.');
  await preAuthentication(req, user, username);
  if (!(await passwordMatches(password, user.passwordHash))) throw new NotAuthorizedException(INCORRECT_CREDENTIALS);
  if (!user.srp) {
    // A user whose password was set before SRP was supported: the verifier is made now.
    await setPassword(scope.id, user, password);
    scope.putUser(user);
  }
  return finishSignIn(req, user, 'TokenGeneration_Authentication', undefined);
}

/** The user id and salt Cognito gives a user who does not exist: the same for the same name, so a probe learns nothing. */
function decoy(scope: PoolScope, name: string): { userId: string; verifier: { salt: string; verifier: string } } {
  const seed = createHash('sha256').update(`${scope.id}/${name}`).digest('hex');
  const userId = `${seed.slice(0, 8)}-${seed.slice(8, 12)}-4${seed.slice(13, 16)}-a${seed.slice(17, 20)}-${seed.slice(20, 32)}`;
  return { userId, verifier: { ...decoyVerifier(), salt: seed.slice(32, 64) } };
}

/** USER_SRP_AUTH, first step: the PASSWORD_VERIFIER challenge with the salt, B and a SECRET_BLOCK. */
export async function startSrp(req: SignInRequest, params: Params): Promise<AuthAnswer> {
  const { scope, client } = req;
  const username = parameter(params, 'USERNAME');
  const srpA = parameter(params, 'SRP_A');
  checkSecretHash(client, [username], params.SECRET_HASH);
  if (!validClientPublic(srpA)) throw new InvalidParameterException('Invalid SRP_A value.');
  const user = scope.findUser(username);
  let userId: string;
  let verifier: { salt: string; verifier: string };
  if (user) {
    await preAuthentication(req, user, username);
    userId = user.Username;
    if (user.srp) verifier = user.srp;
    else {
      req.ctx.log(
        `[cognito] ${user.Username} in ${scope.id} has no SRP verifier yet (password set before SRP was supported): ` +
          'SRP sign-in fails until one USER_PASSWORD_AUTH sign-in or a password change.',
      );
      verifier = decoyVerifier();
    }
  } else {
    if (!hidesUserExistence(client)) throw userNotFound();
    await preAuthentication(req, undefined, username);
    ({ userId, verifier } = decoy(scope, username));
  }
  const { b, B } = serverEphemeral(verifier.verifier);
  const secretBlock = opaqueToken();
  const record: AuthSessionRecord = {
    challenge: 'PASSWORD_VERIFIER',
    username: user?.Username ?? userId,
    userExists: user !== undefined,
    clientId: client.ClientId,
    expiresAt: Date.now() + sessionLifetimeMs(client),
    srp: { A: srpA, B, b, verifier: verifier.verifier },
    flow: req.flow,
  };
  scope.putAuthSession(tokenHash(secretBlock), record);
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: { SALT: verifier.salt, SECRET_BLOCK: secretBlock, SRP_B: B, USERNAME: userId, USER_ID_FOR_SRP: userId },
  };
}

/** The challenge session a Session or SECRET_BLOCK names, for this client; NotAuthorizedException when it will not do. */
function takeSession(scope: PoolScope, client: ClientRecord, token: string, challenge: AuthSessionRecord['challenge']): AuthSessionRecord {
  const hash = tokenHash(token);
  const record = scope.authSession(hash);
  if (!record || record.clientId !== client.ClientId || record.challenge !== challenge) {
    throw new NotAuthorizedException('Invalid session for the user.');
  }
  // One answer per challenge, right or wrong.
  scope.deleteAuthSession(hash);
  if (record.expiresAt <= Date.now()) throw new NotAuthorizedException('Invalid session for the user, session is expired.');
  return record;
}

/** USER_SRP_AUTH, second step: checks PASSWORD_CLAIM_SIGNATURE against the exchange the SECRET_BLOCK stands for. */
export async function answerPasswordVerifier(req: SignInRequest, responses: Params): Promise<AuthAnswer> {
  const { scope, client } = req;
  const username = parameter(responses, 'USERNAME');
  const secretBlock = parameter(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
  const signature = parameter(responses, 'PASSWORD_CLAIM_SIGNATURE');
  const timestamp = parameter(responses, 'TIMESTAMP');
  if (!timestampWellFormed(timestamp)) {
    throw new InvalidParameterException('TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.');
  }
  checkSecretHash(client, [username], responses.SECRET_HASH);
  const record = takeSession(scope, client, secretBlock, 'PASSWORD_VERIFIER');
  const user = record.userExists ? scope.user(record.username) : undefined;
  const named = scope.findUser(username);
  const valid =
    user !== undefined &&
    named?.Username === user.Username &&
    claimValid(record.srp!, record.srp!.verifier, {
      poolName: srpPoolName(scope.id),
      userId: user.Username,
      secretBlock,
      timestamp,
      signature,
    });
  if (!valid || !user) throw new NotAuthorizedException(INCORRECT_CREDENTIALS);
  if (!user.Enabled) throw new NotAuthorizedException('User is disabled.');
  if (user.UserStatus === 'UNCONFIRMED') throw new UserNotConfirmedException('User is not confirmed.');
  return finishSignIn(req, user, 'TokenGeneration_Authentication', req.clientMetadata);
}

/** The NEW_PASSWORD_REQUIRED challenge for a user signed in with a temporary password. */
function newPasswordChallenge(req: SignInRequest, user: UserRecord): AuthAnswer {
  const session = opaqueToken();
  req.scope.putAuthSession(tokenHash(session), {
    challenge: 'NEW_PASSWORD_REQUIRED',
    username: user.Username,
    userExists: true,
    clientId: req.client.ClientId,
    expiresAt: Date.now() + sessionLifetimeMs(req.client),
    flow: req.flow,
  });
  const { sub: _sub, ...shown } = triggerAttributes(user, { status: false });
  return {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: session,
    ChallengeParameters: {
      USER_ID_FOR_SRP: user.Username,
      requiredAttributes: JSON.stringify(missingRequired(req.scope, user).map((name) => `userAttributes.${name}`)),
      userAttributes: JSON.stringify(shown),
    },
  };
}

/** Required attributes of the pool the user has no value for. */
function missingRequired(scope: PoolScope, user: UserRecord): string[] {
  return (scope.pool.SchemaAttributes ?? []).filter((s) => s.Required && s.Name !== 'sub' && !attribute(user, s.Name!)).map((s) => s.Name!);
}

/** NEW_PASSWORD_REQUIRED answered: the new password (and any required attributes) replace the temporary one. */
export async function answerNewPassword(req: SignInRequest, responses: Params, session: string | undefined): Promise<AuthAnswer> {
  const { scope, client } = req;
  const username = parameter(responses, 'USERNAME');
  const newPassword = parameter(responses, 'NEW_PASSWORD');
  checkSecretHash(client, [username], responses.SECRET_HASH);
  if (!session) throw new InvalidParameterException('Missing required parameter Session');
  const record = takeSession(scope, client, session, 'NEW_PASSWORD_REQUIRED');
  const user = scope.user(record.username);
  if (!user || scope.findUser(username)?.Username !== user.Username) throw new NotAuthorizedException('Invalid session for the user.');
  requireConforming(newPassword, scope.pool.Policies?.PasswordPolicy, 'change');
  const changes = Object.entries(responses)
    .filter(([name]) => name.startsWith('userAttributes.'))
    .map(([name, value]) => ({ Name: name.slice('userAttributes.'.length), Value: value }));
  applyAttributeChanges(scope, client, user, changes, { admin: false });
  const missing = missingRequired(scope, user);
  if (missing.length > 0) throw new InvalidParameterException(`Invalid attributes given, ${missing[0]} is missing`);
  await setPassword(scope.id, user, newPassword);
  user.UserStatus = 'CONFIRMED';
  delete user.temporaryPasswordExpiresAt;
  user.UserLastModifiedDate = epochSeconds();
  scope.putUser(user);
  return finishSignIn(req, user, 'TokenGeneration_NewPasswordChallenge', req.clientMetadata);
}

/** The PreTokenGeneration trigger's answer as claims to add or leave out (event version 1 or 2). */
export async function preTokenGeneration(
  req: Pick<SignInRequest, 'ctx' | 'scope' | 'client'>,
  user: UserRecord,
  source: string,
  clientMetadata: Record<string, string> | undefined,
): Promise<TokenOverrides> {
  const fn = triggerFunction(req.scope, 'PreTokenGeneration');
  if (!fn) return {};
  const v1 = fn.version === '1';
  const response = await runTrigger(req.ctx, req.scope, 'PreTokenGeneration', {
    triggerSource: source,
    userName: user.Username,
    clientId: req.client.ClientId,
    request: {
      userAttributes: triggerAttributes(user),
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
      ...(v1 ? {} : { scopes: ['aws.cognito.signin.user.admin'] }),
      clientMetadata,
    },
    response: v1 ? { claimsOverrideDetails: null } : { claimsAndScopeOverrideDetails: null },
  });
  const claimsOf = (value: unknown) => {
    const v = (value ?? {}) as { claimsToAddOrOverride?: Record<string, unknown>; claimsToSuppress?: string[] };
    return { add: v.claimsToAddOrOverride ?? {}, suppress: Array.isArray(v.claimsToSuppress) ? v.claimsToSuppress : [] };
  };
  if (v1) return { id: claimsOf(response?.claimsOverrideDetails) };
  const details = (response?.claimsAndScopeOverrideDetails ?? {}) as {
    idTokenGeneration?: unknown;
    accessTokenGeneration?: { scopesToAdd?: string[]; scopesToSuppress?: string[] };
  };
  return {
    id: claimsOf(details.idTokenGeneration),
    access: {
      ...claimsOf(details.accessTokenGeneration),
      scopesToAdd: details.accessTokenGeneration?.scopesToAdd ?? [],
      scopesToSuppress: details.accessTokenGeneration?.scopesToSuppress ?? [],
    },
  };
}

/**
 * A user whose password checked out: a NEW_PASSWORD_REQUIRED challenge while the password is
 * temporary, otherwise the PreTokenGeneration and PostAuthentication triggers and then tokens.
 */
async function finishSignIn(
  req: SignInRequest,
  user: UserRecord,
  source: string,
  clientMetadata: Record<string, string> | undefined,
): Promise<AuthAnswer> {
  if (user.UserStatus === 'FORCE_CHANGE_PASSWORD') {
    if (user.temporaryPasswordExpiresAt !== undefined && user.temporaryPasswordExpiresAt <= Date.now()) {
      throw new NotAuthorizedException('Temporary password has expired and must be reset by an administrator.');
    }
    return newPasswordChallenge(req, user);
  }
  if (user.UserStatus === 'RESET_REQUIRED') throw new PasswordResetRequiredException('Password reset required for the user');
  const overrides = await preTokenGeneration(req, user, source, clientMetadata);
  await runTrigger(req.ctx, req.scope, 'PostAuthentication', {
    triggerSource: 'PostAuthentication_Authentication',
    userName: user.Username,
    clientId: req.client.ClientId,
    request: { userAttributes: triggerAttributes(user), newDeviceUsed: false, clientMetadata },
    response: {},
  });
  return {
    ChallengeParameters: {},
    AuthenticationResult: signIn(req.scope, req.client, user, req.ctx.issuerBase, req.ctx.keys, overrides),
  };
}
