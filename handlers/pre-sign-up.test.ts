import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { AddPermissionCommand, CreateFunctionCommand, GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleHandler } from '../provision/bundle.js';
import { startTestCloud, type TestCloud } from '../test/local-cloud.js';
import { handler, signUpProblem } from './pre-sign-up.js';

const event = (userName: string, email?: string) => ({
  triggerSource: 'PreSignUp_SignUp',
  userName,
  request: { userAttributes: email === undefined ? {} : { email } },
  response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
});

describe('Chat-PreSignUp', () => {
  it('keeps the rules of the sign-up form', async () => {
    expect(signUpProblem('alice', 'alice@example.com')).toBeUndefined();
    expect(signUpProblem('a.b_c-9', undefined)).toBeUndefined();
    expect(signUpProblem('x'.repeat(20), 'a@b.c')).toBeUndefined();
    expect(signUpProblem('x'.repeat(21), 'a@b.c')).toMatch(/^Usernames have 1 to 20 characters/);
    expect(signUpProblem('bob smith', 'a@b.c')).toMatch(/^Usernames/);
    expect(signUpProblem('<b>', 'a@b.c')).toMatch(/^Usernames/);
    expect(signUpProblem('bob', `${'m'.repeat(110)}@example.com`)).toBe('The email address can have at most 120 characters');
    const ok = event('alice', 'alice@example.com');
    expect(await handler(ok)).toEqual(ok);
    await expect(handler(event('no way'))).rejects.toThrow(/^Usernames/);
  });

  describe('as the pool trigger, bundled as the provisioner bundles it', () => {
    let cloud: TestCloud;
    let clientId: string;
    let cognito: CognitoIdentityProviderClient;
    let hasLambda = false;
    beforeAll(async () => {
      cloud = await startTestCloud();
      const health = (await (await fetch(`${cloud.url}/_emulator/health`)).json()) as { services: Record<string, unknown> };
      hasLambda = 'lambda' in health.services;
      if (!hasLambda) return;
      const lambda = new LambdaClient(cloud.clientConfig);
      cognito = new CognitoIdentityProviderClient(cloud.clientConfig);
      const fn = await lambda.send(
        new CreateFunctionCommand({
          FunctionName: 'Chat-PreSignUp',
          Runtime: 'nodejs20.x',
          Handler: 'index.handler',
          Role: 'arn:aws:iam::000000000000:role/Lambda-Cognito',
          Code: { ZipFile: await bundleHandler('pre-sign-up.ts') },
        }),
      );
      for (let i = 0; i < 100; i++) {
        const state = (await lambda.send(new GetFunctionCommand({ FunctionName: 'Chat-PreSignUp' }))).Configuration?.State;
        if (state !== 'Pending') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const { UserPool } = await cognito.send(
        new CreateUserPoolCommand({ PoolName: 'ChatPool', AutoVerifiedAttributes: ['email'], LambdaConfig: { PreSignUp: fn.FunctionArn } }),
      );
      await lambda.send(
        new AddPermissionCommand({
          FunctionName: 'Chat-PreSignUp',
          StatementId: 'cognito-pre-sign-up',
          Action: 'lambda:InvokeFunction',
          Principal: 'cognito-idp.amazonaws.com',
          SourceArn: UserPool!.Arn,
        }),
      );
      const { UserPoolClient } = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: UserPool!.Id!, ClientName: 'chatapp' }));
      clientId = UserPoolClient!.ClientId!;
    });
    afterAll(async () => cloud?.close());

    const signUp = (username: string) =>
      cognito.send(
        new SignUpCommand({
          ClientId: clientId,
          Username: username,
          Password: 'Passw0rd!',
          UserAttributes: [{ Name: 'email', Value: 'x@example.com' }],
        }),
      );

    it('lets a good sign-up through and refuses one the form would refuse', async (ctx) => {
      if (!hasLambda) ctx.skip();
      expect((await signUp('alice')).UserSub).toBeTruthy();
      await expect(signUp('alice!')).rejects.toMatchObject({
        name: 'UserLambdaValidationException',
        message: "PreSignUp failed with error Usernames have 1 to 20 characters: letters, digits, '.', '_' or '-'.",
      });
    });
  });
});
