import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { cognitoClient, createChatPool } from './test-support.js';

/** Bodies no SDK would send: every one must get a 4xx AWS error, never a 500 or a hang. */
describe('Cognito with malformed input', () => {
  let cloud: TestCloud;
  let ids: { poolId: string; clientId: string };
  beforeAll(async () => {
    cloud = await startTestCloud();
    ids = await createChatPool(cognitoClient(cloud));
  });
  afterAll(async () => cloud.close());

  const call = (operation: string, body: unknown) =>
    fetch(`${cloud.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('answers every malformed request with a client error', async () => {
    const cases: Array<[string, unknown]> = [
      ['CreateUserPool', '{not json'],
      ['CreateUserPool', []],
      ['CreateUserPool', { PoolName: 42 }],
      ['CreateUserPool', { PoolName: 'p', Schema: { Name: 'email' } }],
      ['CreateUserPool', { PoolName: 'p', Schema: [null] }],
      ['CreateUserPool', { PoolName: 'p', AutoVerifiedAttributes: 'email' }],
      ['CreateUserPool', { PoolName: 'p', Policies: { PasswordPolicy: { MinimumLength: 'eight' } } }],
      ['CreateUserPoolClient', { UserPoolId: ids.poolId, ClientName: 'c', ExplicitAuthFlows: 'ALLOW_USER_PASSWORD_AUTH' }],
      ['SignUp', { ClientId: ids.clientId, Username: 'x', Password: 'Passw0rd!', UserAttributes: [null, 3] }],
      ['SignUp', { ClientId: ids.clientId, Username: 'x', Password: 'Passw0rd!', UserAttributes: { email: 'x@example.com' } }],
      ['SignUp', { ClientId: ids.clientId, Username: ['x'], Password: 'Passw0rd!' }],
      ['ConfirmSignUp', { ClientId: ids.clientId, Username: 'x' }],
      ['InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: 1, PASSWORD: 2 } }],
      ['InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ids.clientId, AuthParameters: 'x' }],
      ['GetUser', { AccessToken: 'a.b.c' }],
      ['GetUser', {}],
      ['ListUsers', { UserPoolId: ids.poolId, PaginationToken: 'garbage' }],
      ['ListUsers', { UserPoolId: ids.poolId, Limit: 'ten' }],
      ['ListUserPools', { MaxResults: 10, NextToken: '%%%' }],
      ['AdminGetUser', { UserPoolId: ids.poolId }],
      ['InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: 'x', SRP_A: 'not hex' } }],
      ['InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: 'x', SRP_A: 7 } }],
      ['RespondToAuthChallenge', { ClientId: ids.clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: ['x'] }],
      ['RespondToAuthChallenge', { ClientId: ids.clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: { USERNAME: 1 } }],
      ['RespondToAuthChallenge', { ClientId: ids.clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 42 }],
      ['RespondToAuthChallenge', { ClientId: ids.clientId, ChallengeName: 'SMS_MFA', ChallengeResponses: {} }],
      [
        'RespondToAuthChallenge',
        {
          ClientId: ids.clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: 'x'.repeat(40),
          ChallengeResponses: { USERNAME: 'x', NEW_PASSWORD: 'Passw0rd!', 'userAttributes.email': 5 },
        },
      ],
      ['AdminCreateUser', { UserPoolId: ids.poolId, Username: 'x', UserAttributes: [null] }],
      ['AdminCreateUser', { UserPoolId: ids.poolId, Username: 'x', DesiredDeliveryMediums: 'EMAIL' }],
      ['AdminSetUserPassword', { UserPoolId: ids.poolId, Username: 'x', Password: ['p'] }],
      ['AdminInitiateAuth', { UserPoolId: ids.poolId, ClientId: 'nope', AuthFlow: 'ADMIN_USER_PASSWORD_AUTH' }],
      ['ForgotPassword', { ClientId: ids.clientId, Username: 'x', ClientMetadata: 'meta' }],
      ['ConfirmForgotPassword', { ClientId: ids.clientId, Username: 'x', ConfirmationCode: '1', Password: 3 }],
      ['ChangePassword', { AccessToken: 'a.b.c', PreviousPassword: 'x', ProposedPassword: 'Passw0rd!' }],
      ['GlobalSignOut', { AccessToken: 'a.b.c' }],
      ['RevokeToken', { ClientId: ids.clientId, Token: 12 }],
      ['UpdateUserAttributes', { AccessToken: 'a.b.c', UserAttributes: 'x' }],
      ['AdminUpdateUserAttributes', { UserPoolId: ids.poolId, Username: 'x', UserAttributes: [{ Name: 1 }] }],
      ['VerifyUserAttribute', { AccessToken: 'a.b.c', AttributeName: '__proto__', Code: '1' }],
      ['GetUserAttributeVerificationCode', { AccessToken: 'a.b.c', AttributeName: 'constructor' }],
      ['NoSuchOperation', {}],
    ];
    for (const [operation, body] of cases) {
      const response = await call(operation, body);
      const answer = (await response.json()) as { __type?: string; message?: string };
      expect({ operation, body, status: response.status }).toEqual({ operation, body, status: 400 });
      expect(answer.__type).toBeTruthy();
      expect(answer.message).toBeTruthy();
    }
  });
});
