import { type AccessMapper, jsonBody, str, targetOperation } from './access.js';

/** Operations authorised by the caller's tokens or open to anyone: IAM has no say in them. */
const TOKEN_OR_PUBLIC = new Set([
  'AssociateSoftwareToken',
  'ChangePassword',
  'CompleteWebAuthnRegistration',
  'ConfirmDevice',
  'ConfirmForgotPassword',
  'ConfirmSignUp',
  'DeleteUser',
  'DeleteUserAttributes',
  'DeleteWebAuthnCredential',
  'ForgetDevice',
  'ForgotPassword',
  'GetDevice',
  'GetTokensFromRefreshToken',
  'GetUser',
  'GetUserAttributeVerificationCode',
  'GetUserAuthFactors',
  'GlobalSignOut',
  'InitiateAuth',
  'ListDevices',
  'ListWebAuthnCredentials',
  'ResendConfirmationCode',
  'RespondToAuthChallenge',
  'RevokeToken',
  'SetUserMFAPreference',
  'SetUserSettings',
  'SignUp',
  'StartWebAuthnRegistration',
  'UpdateAuthEventFeedback',
  'UpdateDeviceStatus',
  'UpdateUserAttributes',
  'VerifySoftwareToken',
  'VerifyUserAttribute',
]);
const ACCOUNT_LEVEL = new Set(['CreateUserPool', 'ListUserPools']);

/** Cognito user pools: the pool named by UserPoolId (or ResourceArn for tags). */
export const cognitoAccess: AccessMapper = (req) => {
  const operation = targetOperation(req);
  if (TOKEN_OR_PUBLIC.has(operation)) return [];
  const action = `cognito-idp:${operation}`;
  if (ACCOUNT_LEVEL.has(operation)) return [{ action, resource: '*' }];
  const body = jsonBody(req);
  const resourceArn = str(body.ResourceArn);
  if (resourceArn) return [{ action, resource: resourceArn }];
  const pool = str(body.UserPoolId);
  if (!pool) return undefined;
  return [{ action, resource: `arn:aws:cognito-idp:${req.region}:${req.account}:userpool/${pool}` }];
};
