import type { CreateUserPoolClientCommandInput, UpdateUserPoolClientCommandInput } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterException } from './errors.js';
import type { ClientRecord } from './state.js';
import { checkTokenValidity } from './tokens.js';
import type { Constraints } from './validate.js';
import { NAME, whole } from './validate.js';

type ClientInput = CreateUserPoolClientCommandInput | UpdateUserPoolClientCommandInput;

export const AUTH_FLOWS = [
  'ADMIN_NO_SRP_AUTH',
  'CUSTOM_AUTH_FLOW_ONLY',
  'USER_PASSWORD_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
];
const UNITS = ['seconds', 'minutes', 'hours', 'days'];

/** Checks the settings CreateUserPoolClient and UpdateUserPoolClient share against the API model. */
export function checkClientSettings(checks: Constraints, input: ClientInput, nameRequired: boolean): void {
  checks.string(input.ClientName, 'clientName', {
    required: nameRequired,
    min: 1,
    max: 128,
    pattern: whole(NAME),
    patternText: NAME.source,
  });
  checks.integer(input.RefreshTokenValidity, 'refreshTokenValidity', { min: 0, max: 315360000 });
  checks.integer(input.AccessTokenValidity, 'accessTokenValidity', { min: 1, max: 86400 });
  checks.integer(input.IdTokenValidity, 'idTokenValidity', { min: 1, max: 86400 });
  checks.integer(input.AuthSessionValidity, 'authSessionValidity', { min: 3, max: 15 });
  checks.oneOf(input.TokenValidityUnits?.AccessToken, 'tokenValidityUnits.accessToken', UNITS);
  checks.oneOf(input.TokenValidityUnits?.IdToken, 'tokenValidityUnits.idToken', UNITS);
  checks.oneOf(input.TokenValidityUnits?.RefreshToken, 'tokenValidityUnits.refreshToken', UNITS);
  checks.listOf(input.ExplicitAuthFlows, 'explicitAuthFlows', AUTH_FLOWS);
  checks.listOf(input.AllowedOAuthFlows, 'allowedOAuthFlows', ['code', 'implicit', 'client_credentials']);
  checks.oneOf(input.PreventUserExistenceErrors, 'preventUserExistenceErrors', ['LEGACY', 'ENABLED']);
}

/**
 * A client's settings from CreateUserPoolClient or UpdateUserPoolClient: the input, and Cognito's
 * defaults for what it leaves out (an update resets omitted settings). Throws Cognito's errors for
 * combinations it refuses.
 */
export function clientSettings(
  input: ClientInput,
  identity: Pick<ClientRecord, 'UserPoolId' | 'ClientId' | 'ClientSecret' | 'CreationDate' | 'ClientName'>,
  now: number,
): ClientRecord {
  const flows = input.ExplicitAuthFlows;
  if (flows?.some((f) => f.startsWith('ALLOW_')) && !flows.includes('ALLOW_REFRESH_TOKEN_AUTH')) {
    throw new InvalidParameterException('REFRESH_TOKEN_AUTH should always be allowed.');
  }
  const record: ClientRecord = {
    UserPoolId: identity.UserPoolId,
    ClientName: input.ClientName ?? identity.ClientName,
    ClientId: identity.ClientId,
    ClientSecret: identity.ClientSecret,
    LastModifiedDate: now,
    CreationDate: identity.CreationDate ?? now,
    RefreshTokenValidity: input.RefreshTokenValidity || 30,
    AccessTokenValidity: input.AccessTokenValidity,
    IdTokenValidity: input.IdTokenValidity,
    TokenValidityUnits: input.TokenValidityUnits,
    ReadAttributes: input.ReadAttributes,
    WriteAttributes: input.WriteAttributes,
    ExplicitAuthFlows: flows,
    SupportedIdentityProviders: input.SupportedIdentityProviders,
    CallbackURLs: input.CallbackURLs,
    LogoutURLs: input.LogoutURLs,
    DefaultRedirectURI: input.DefaultRedirectURI,
    AllowedOAuthFlows: input.AllowedOAuthFlows,
    AllowedOAuthScopes: input.AllowedOAuthScopes,
    AllowedOAuthFlowsUserPoolClient: input.AllowedOAuthFlowsUserPoolClient ?? false,
    AnalyticsConfiguration: input.AnalyticsConfiguration,
    PreventUserExistenceErrors: input.PreventUserExistenceErrors,
    EnableTokenRevocation: input.EnableTokenRevocation ?? true,
    EnablePropagateAdditionalUserContextData: input.EnablePropagateAdditionalUserContextData ?? false,
    AuthSessionValidity: input.AuthSessionValidity ?? 3,
    RefreshTokenRotation: input.RefreshTokenRotation,
  };
  checkTokenValidity(record);
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as ClientRecord;
}

/** The InitiateAuth flows a client accepts (without the ALLOW_ prefix). */
export function allowedFlows(client: ClientRecord): Set<string> {
  const flows = client.ExplicitAuthFlows ?? [];
  if (flows.length === 0) return new Set(['USER_SRP_AUTH', 'CUSTOM_AUTH', 'REFRESH_TOKEN_AUTH']);
  // Clients with only legacy values always allowed SRP, custom and refresh sign-in.
  const legacy = !flows.some((f) => f.startsWith('ALLOW_'));
  const allowed = new Set<string>(legacy ? ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'CUSTOM_AUTH'] : []);
  for (const flow of flows) {
    if (flow.startsWith('ALLOW_')) allowed.add(flow.slice('ALLOW_'.length));
    else if (flow === 'ADMIN_NO_SRP_AUTH') allowed.add('ADMIN_USER_PASSWORD_AUTH');
    else if (flow === 'USER_PASSWORD_AUTH') allowed.add('USER_PASSWORD_AUTH');
  }
  if (allowed.has('ADMIN_USER_PASSWORD_AUTH')) allowed.add('ADMIN_NO_SRP_AUTH');
  return allowed;
}
