/**
 * The only module that talks to Cognito. Sign-up, confirmation, log-in with USER_SRP_AUTH (the
 * password never leaves the browser: srp.ts computes the PASSWORD_VERIFIER answer, as the course's
 * amazon-cognito-identity-js does), token refresh with REFRESH_TOKEN_AUTH and log-out; tokens live
 * in localStorage.
 *
 * SignUp, ConfirmSignUp, ResendConfirmationCode, InitiateAuth and RespondToAuthChallenge are
 * modelled with `smithy.api#noAuth` in the SDK, so the client never signs them and needs no AWS
 * credentials.
 */
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { forgetReturnPath } from './router';
import { type PasswordVerifierChallenge, passwordClaim, startSrp } from './srp';
import { config, currentUser, flash, getConfig } from './state';

const STORAGE_KEY = 'serverless-chat.session';
/** Refresh the ID token when it has less than this left. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

interface StoredSession {
  username: string;
  idToken: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch ms at which the ID token expires. */
  expiresAt: number;
  /** The pool and app client that issued the tokens: a session from another stack is dropped. */
  userPoolId: string;
  clientId: string;
}

/** An error with a user-readable message and the Cognito error code (e.g. "UserNotConfirmedException"). */
export class AuthError extends Error {
  override name = 'AuthError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Client

let client: CognitoIdentityProviderClient | null = null;
let clientFor: object | null = null;

function cognito(): CognitoIdentityProviderClient {
  const cfg = getConfig();
  if (!client || clientFor !== cfg) {
    client = new CognitoIdentityProviderClient({
      region: cfg.region,
      endpoint: cfg.cognitoEndpoint ?? undefined,
    });
    clientFor = cfg;
  }
  return client;
}

function toAuthError(err: unknown): AuthError {
  if (err instanceof AuthError) return err;
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = e?.name ?? 'Error';
  const message = e?.message ?? String(err);
  const noResponse = e?.$metadata?.httpStatusCode === undefined;
  if (noResponse && (name === 'TypeError' || name === 'TimeoutError' || /fetch|network/i.test(message))) {
    const where = config.value?.cognitoEndpoint ?? `Cognito in ${config.value?.region ?? 'its region'}`;
    return new AuthError('NetworkError', `Could not reach the sign-in service (${where}). Check your connection and try again.`);
  }
  switch (name) {
    case 'UsernameExistsException':
      return new AuthError(name, 'That username is already taken. Please choose another one.');
    case 'ExpiredCodeException':
      return new AuthError(name, 'This code has expired. Use "Resend" to get a new one.');
    case 'UserNotConfirmedException':
      return new AuthError(name, 'This account is not confirmed yet. Enter the code that was sent to you.');
    case 'UserLambdaValidationException': {
      // "PreSignUp failed with error <rule>.": the pool's own rule, worded for the person signing up.
      const rule = /failed with error (.*?)\.?$/s.exec(message)?.[1];
      return new AuthError(name, rule ? `${rule}.` : message);
    }
    case 'PasswordResetRequiredException':
      return new AuthError(name, 'A password reset is required for this account.');
    default:
      return new AuthError(name, message || 'Something went wrong. Please try again.');
  }
}

// ---------------------------------------------------------------------------------------------
// Token storage

function decodeJwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('malformed token');
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

function readSession(): StoredSession | null {
  let raw: string | null;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Partial<StoredSession>;
    const cfg = config.value;
    if (
      typeof s.username !== 'string' ||
      typeof s.idToken !== 'string' ||
      typeof s.refreshToken !== 'string' ||
      typeof s.expiresAt !== 'number' ||
      (cfg && (s.userPoolId !== cfg.userPoolId || s.clientId !== cfg.userPoolClientId))
    ) {
      return null;
    }
    return s as StoredSession;
  } catch {
    return null;
  }
}

function writeSession(session: StoredSession | null): void {
  try {
    if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage full or disabled: the session lasts for this page only
  }
  currentUser.value = session?.username ?? null;
}

function sessionFromTokens(
  idToken: string,
  accessToken: string,
  refreshToken: string,
  expiresIn: number | undefined,
  fallbackUsername: string,
): StoredSession {
  const cfg = getConfig();
  let username = fallbackUsername;
  let expiresAt = Date.now() + (expiresIn ?? 3600) * 1000;
  try {
    const claims = decodeJwtPayload(idToken);
    if (typeof claims['cognito:username'] === 'string') username = claims['cognito:username'];
    if (typeof claims.exp === 'number') expiresAt = claims.exp * 1000;
  } catch {
    // keep the fallbacks
  }
  return { username, idToken, accessToken, refreshToken, expiresAt, userPoolId: cfg.userPoolId, clientId: cfg.userPoolClientId };
}

/** Restores the session from localStorage and keeps it in sync across tabs. Call once after config loads. */
export function initAuth(): void {
  const session = readSession();
  if (!session) writeSession(null);
  currentUser.value = session?.username ?? null;
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY || event.key === null) {
      currentUser.value = readSession()?.username ?? null;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Flows

export interface SignUpResult {
  /** True when the pool confirmed the user at once (no code needed). */
  confirmed: boolean;
  /** Where the code went, masked (e.g. "a***@e***"), when Cognito says. */
  destination?: string;
}

export async function signUp(username: string, email: string, password: string): Promise<SignUpResult> {
  try {
    const out = await cognito().send(
      new SignUpCommand({
        ClientId: getConfig().userPoolClientId,
        Username: username,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    return { confirmed: out.UserConfirmed === true, destination: out.CodeDeliveryDetails?.Destination };
  } catch (err) {
    throw toAuthError(err);
  }
}

export async function confirmSignUp(username: string, code: string): Promise<void> {
  try {
    await cognito().send(new ConfirmSignUpCommand({ ClientId: getConfig().userPoolClientId, Username: username, ConfirmationCode: code }));
  } catch (err) {
    throw toAuthError(err);
  }
}

export async function resendConfirmationCode(username: string): Promise<{ destination?: string }> {
  try {
    const out = await cognito().send(new ResendConfirmationCodeCommand({ ClientId: getConfig().userPoolClientId, Username: username }));
    return { destination: out.CodeDeliveryDetails?.Destination };
  } catch (err) {
    throw toAuthError(err);
  }
}

/** USER_SRP_AUTH: InitiateAuth with SRP_A, then the PASSWORD_VERIFIER answer signed with the password-derived key. */
export async function logIn(username: string, password: string): Promise<string> {
  try {
    const { userPoolId, userPoolClientId: clientId } = getConfig();
    const start = startSrp();
    const initiated = await cognito().send(
      new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: start.srpA } }),
    );
    const params = initiated.ChallengeParameters ?? {};
    if (
      initiated.ChallengeName !== 'PASSWORD_VERIFIER' ||
      !params.SALT ||
      !params.SRP_B ||
      !params.SECRET_BLOCK ||
      !params.USER_ID_FOR_SRP
    ) {
      throw new AuthError('UnexpectedChallenge', 'The sign-in service did not answer with the expected password challenge.');
    }
    const claim = await passwordClaim(userPoolId, password, start, params as unknown as PasswordVerifierChallenge);
    const out = await cognito().send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeResponses: { USERNAME: params.USER_ID_FOR_SRP, ...claim },
        ...(initiated.Session ? { Session: initiated.Session } : {}),
      }),
    );
    const result = out.AuthenticationResult;
    if (!result?.IdToken || !result.AccessToken || !result.RefreshToken) {
      if (out.ChallengeName) {
        throw new AuthError(out.ChallengeName, `Logging in needs the "${out.ChallengeName}" step, which this app does not support.`);
      }
      throw new AuthError('NoTokens', 'The sign-in service returned no tokens.');
    }
    const session = sessionFromTokens(result.IdToken, result.AccessToken, result.RefreshToken, result.ExpiresIn, username);
    writeSession(session);
    return session.username;
  } catch (err) {
    throw toAuthError(err);
  }
}

/** Forgets the tokens on this device. */
export function logOut(): void {
  forgetReturnPath();
  writeSession(null);
}

/** Called when the API rejects the token (401): log out and explain why on the login page. */
export function expireSession(): void {
  if (currentUser.value === null && readSession() === null) return;
  writeSession(null);
  flash('login', 'info', 'Your session has expired. Please log in again.');
}

let refreshing: Promise<StoredSession> | null = null;

async function refresh(session: StoredSession): Promise<StoredSession> {
  try {
    const out = await cognito().send(
      new InitiateAuthCommand({
        ClientId: getConfig().userPoolClientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: session.refreshToken },
      }),
    );
    const result = out.AuthenticationResult;
    if (!result?.IdToken || !result.AccessToken) throw new AuthError('NoTokens', 'The sign-in service returned no tokens.');
    const next = sessionFromTokens(
      result.IdToken,
      result.AccessToken,
      result.RefreshToken ?? session.refreshToken,
      result.ExpiresIn,
      session.username,
    );
    writeSession(next);
    return next;
  } catch (err) {
    throw toAuthError(err);
  }
}

/**
 * The raw ID token for the Authorization header, refreshed first when it is near expiry.
 * Throws AuthError('NotLoggedIn') when there is no session (and expires a dead one).
 */
export async function getIdToken(): Promise<string> {
  const session = readSession();
  if (!session) {
    if (currentUser.value !== null) expireSession();
    throw new AuthError('NotLoggedIn', 'Please log in.');
  }
  if (session.expiresAt - Date.now() > REFRESH_MARGIN_MS) return session.idToken;

  refreshing ??= refresh(session).finally(() => {
    refreshing = null;
  });
  try {
    return (await refreshing).idToken;
  } catch (err) {
    const authErr = toAuthError(err);
    if (authErr.code === 'NetworkError' && session.expiresAt > Date.now()) {
      return session.idToken; // offline for a moment: the current token is still valid
    }
    if (authErr.code === 'NetworkError') throw authErr;
    expireSession(); // refresh token expired or revoked
    throw new AuthError('NotLoggedIn', 'Your session has expired. Please log in again.');
  }
}
