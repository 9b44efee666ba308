import {
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  InitiateAuthCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { cognitoClient, createChatPool, failure, latestCode, PASSWORD, sentCodes, signUpConfirmed } from './test-support.js';

describe('Cognito attribute updates and verification', () => {
  let cloud: TestCloud;
  let cognito: ReturnType<typeof cognitoClient>;
  beforeAll(async () => {
    cloud = await startTestCloud();
    cognito = cognitoClient(cloud);
  });
  afterAll(async () => cloud.close());

  async function signedIn(ids: { poolId: string; clientId: string }, username: string): Promise<string> {
    await signUpConfirmed(cloud, cognito, ids, username);
    const { AuthenticationResult } = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: username, PASSWORD } }),
    );
    return AuthenticationResult!.AccessToken!;
  }
  const attributesOf = async (accessToken: string) =>
    Object.fromEntries(
      ((await cognito.send(new GetUserCommand({ AccessToken: accessToken }))).UserAttributes ?? []).map((a) => [a.Name, a.Value]),
    );

  it('a new email becomes unverified and gets a code; the code verifies it', async () => {
    const ids = await createChatPool(cognito);
    const token = await signedIn(ids, 'alice');
    const out = await cognito.send(
      new UpdateUserAttributesCommand({
        AccessToken: token,
        UserAttributes: [
          { Name: 'email', Value: 'alice@new.example.com' },
          { Name: 'name', Value: 'Alice' },
        ],
      }),
    );
    expect(out.CodeDeliveryDetailsList).toEqual([{ Destination: 'a***@n***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }]);
    expect(await attributesOf(token)).toMatchObject({ email: 'alice@new.example.com', email_verified: 'false', name: 'Alice' });
    const codes = await sentCodes(cloud, { userPoolId: ids.poolId, username: 'alice' });
    expect(codes[codes.length - 1]).toMatchObject({ kind: 'VERIFY_ATTRIBUTE', destination: 'alice@new.example.com' });
    const verify = (code: string) =>
      cognito.send(new VerifyUserAttributeCommand({ AccessToken: token, AttributeName: 'email', Code: code }));
    expect(await failure(verify('000000' === codes[codes.length - 1]!.code ? '111111' : '000000'))).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
      status: 400,
    });
    await verify(codes[codes.length - 1]!.code);
    expect(await attributesOf(token)).toMatchObject({ email: 'alice@new.example.com', email_verified: 'true' });

    const resent = await cognito.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: 'email' }));
    expect(resent.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });
  });

  it('keeps the old email until the new one is verified when the pool requires it', async () => {
    const ids = await createChatPool(cognito, { UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] } });
    const token = await signedIn(ids, 'bob');
    await cognito.send(
      new UpdateUserAttributesCommand({ AccessToken: token, UserAttributes: [{ Name: 'email', Value: 'bob@new.example.com' }] }),
    );
    expect(await attributesOf(token)).toMatchObject({ email: 'bob@example.com', email_verified: 'true' });
    const code = await latestCode(cloud, ids.poolId, 'bob');
    await cognito.send(new VerifyUserAttributeCommand({ AccessToken: token, AttributeName: 'email', Code: code }));
    expect(await attributesOf(token)).toMatchObject({ email: 'bob@new.example.com', email_verified: 'true' });
  });

  it('refuses attributes users may not write', async () => {
    const ids = await createChatPool(cognito);
    const token = await signedIn(ids, 'carol');
    const update = (Name: string, Value: string) =>
      failure(cognito.send(new UpdateUserAttributesCommand({ AccessToken: token, UserAttributes: [{ Name, Value }] })));
    expect(await update('email_verified', 'true')).toEqual({
      name: 'NotAuthorizedException',
      message: 'A client attempted to write unauthorized attribute',
      status: 400,
    });
    expect(await update('sub', 'x')).toMatchObject({ name: 'NotAuthorizedException' });
    expect(await update('custom:nope', 'x')).toEqual({
      name: 'InvalidParameterException',
      message: 'Invalid user attributes: user.custom:nope: Attribute does not exist in the schema.',
      status: 400,
    });
    expect(await update('email', 'not-an-email')).toEqual({
      name: 'InvalidParameterException',
      message: 'Invalid email address format.',
      status: 400,
    });
  });

  it('lets an administrator change an email and mark it verified in one call, or leave it to a code', async () => {
    const ids = await createChatPool(cognito);
    await signUpConfirmed(cloud, cognito, ids, 'dave');
    const before = (await sentCodes(cloud, { userPoolId: ids.poolId, username: 'dave' })).length;
    await cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: ids.poolId,
        Username: 'dave',
        UserAttributes: [
          { Name: 'email', Value: 'dave@admin.example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    const attrs = async () =>
      Object.fromEntries(
        ((await cognito.send(new AdminGetUserCommand({ UserPoolId: ids.poolId, Username: 'dave' }))).UserAttributes ?? []).map((a) => [
          a.Name,
          a.Value,
        ]),
      );
    expect(await attrs()).toMatchObject({ email: 'dave@admin.example.com', email_verified: 'true' });
    expect(await sentCodes(cloud, { userPoolId: ids.poolId, username: 'dave' })).toHaveLength(before);
    await cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: ids.poolId,
        Username: 'dave',
        UserAttributes: [{ Name: 'email', Value: 'dave@other.example.com' }],
      }),
    );
    expect(await attrs()).toMatchObject({ email: 'dave@other.example.com', email_verified: 'false' });
    expect(await sentCodes(cloud, { userPoolId: ids.poolId, username: 'dave' })).toHaveLength(before + 1);
  });
});
