import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  SignUpCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { AddPermissionCommand, CreateFunctionCommand, GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';
import { cognitoClient, createChatPool, decodePayload, failure, latestCode, PASSWORD, sentCodes } from './test-support.js';

/** One function for every trigger: it logs each event, then answers by trigger source and user name. */
const HANDLER = `
exports.handler = async (event) => {
  console.log('EVENT ' + JSON.stringify(event));
  const name = event.userName;
  if (name.startsWith('bad')) throw new Error('Usernames may not start with bad');
  if (name === 'silent' && event.triggerSource === 'PreSignUp_SignUp') return null;
  switch (event.triggerSource) {
    case 'PreSignUp_SignUp':
      if ((event.request.validationData || {}).invite === 'yes') {
        event.response.autoConfirmUser = true;
        event.response.autoVerifyEmail = true;
      }
      break;
    case 'PreAuthentication_Authentication':
      if (name === 'blocked') throw new Error('This account is blocked');
      break;
    case 'TokenGeneration_Authentication':
    case 'TokenGeneration_RefreshTokens':
      if (event.version === '2') {
        event.response.claimsAndScopeOverrideDetails = {
          idTokenGeneration: { claimsToAddOrOverride: { tier: 'v2' } },
          accessTokenGeneration: { claimsToAddOrOverride: { tier: 'v2' }, scopesToAdd: ['chat/read'], scopesToSuppress: ['aws.cognito.signin.user.admin'] },
        };
        break;
      }
      event.response.claimsOverrideDetails = { claimsToAddOrOverride: { plan: 'gold', 'cognito:username': 'forged' }, claimsToSuppress: ['email'] };
      break;
    case 'CustomMessage_SignUp':
    case 'CustomMessage_ForgotPassword':
      event.response.emailSubject = 'Welcome to the chat';
      event.response.emailMessage = 'Hello ' + name + ', your code is ' + event.request.codeParameter + '.';
      break;
  }
  return event;
};
`;

interface LoggedEvent {
  version: string;
  triggerSource: string;
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}

describe('Cognito Lambda triggers through the local Lambda', () => {
  let cloud: TestCloud;
  let cognito: ReturnType<typeof cognitoClient>;
  let lambda: LambdaClient;
  let logs: CloudWatchLogsClient;
  let functionArn: string;
  let ids: { poolId: string; poolArn: string; clientId: string };
  let hasLambda = false;

  beforeAll(async () => {
    cloud = await startTestCloud();
    const health = (await (await fetch(`${cloud.url}/_emulator/health`)).json()) as { services: Record<string, unknown> };
    hasLambda = 'lambda' in health.services;
    if (!hasLambda) return;
    cognito = cognitoClient(cloud);
    lambda = new LambdaClient(cloud.clientConfig);
    logs = new CloudWatchLogsClient(cloud.clientConfig);
    const fn = await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'cognito-triggers',
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Role: 'arn:aws:iam::000000000000:role/Lambda-Cognito',
        Code: { ZipFile: zipSync({ 'index.js': strToU8(HANDLER) }) },
      }),
    );
    functionArn = fn.FunctionArn!;
    for (let i = 0; i < 100; i++) {
      const state = (await lambda.send(new GetFunctionCommand({ FunctionName: 'cognito-triggers' }))).Configuration?.State;
      if (state !== 'Pending') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const triggers = ['PreSignUp', 'PostConfirmation', 'PreAuthentication', 'PostAuthentication', 'PreTokenGeneration', 'CustomMessage'];
    ids = await createChatPool(cognito, { LambdaConfig: Object.fromEntries(triggers.map((t) => [t, functionArn])) });
    await lambda.send(
      new AddPermissionCommand({
        FunctionName: 'cognito-triggers',
        StatementId: 'cognito',
        Action: 'lambda:InvokeFunction',
        Principal: 'cognito-idp.amazonaws.com',
        SourceArn: ids.poolArn,
      }),
    );
  });
  afterAll(async () => cloud.close());

  /** The events the function logged for a user, oldest first (log delivery is asynchronous: polls briefly). */
  async function eventsFor(userName: string, atLeast: number): Promise<LoggedEvent[]> {
    for (let attempt = 0; ; attempt++) {
      const out = await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/cognito-triggers', filterPattern: '"EVENT"' }));
      const events = (out.events ?? [])
        .map((e) => e.message ?? '')
        .filter((m) => m.includes('EVENT {'))
        .map((m) => JSON.parse(m.slice(m.indexOf('EVENT ') + 6)) as LoggedEvent)
        .filter((e) => e.userName === userName);
      if (events.length >= atLeast || attempt > 50) return events;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const signUp = (username: string, validation: Record<string, string> = {}) =>
    cognito.send(
      new SignUpCommand({
        ClientId: ids.clientId,
        Username: username,
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
        ValidationData: Object.entries(validation).map(([Name, Value]) => ({ Name, Value })),
        ClientMetadata: { source: 'test' },
      }),
    );
  const login = (username: string) =>
    cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: username, PASSWORD } }),
    );

  it('sends the events AWS sends through sign-up, confirmation and sign-in, and applies the answers', async (ctx) => {
    if (!hasLambda) ctx.skip();
    const out = await signUp('alice');
    expect(out.UserConfirmed).toBe(false);
    const [code] = await sentCodes(cloud, { userPoolId: ids.poolId, username: 'alice' });
    expect(code).toMatchObject({ subject: 'Welcome to the chat', message: `Hello alice, your code is ${code!.code}.` });
    await cognito.send(new ConfirmSignUpCommand({ ClientId: ids.clientId, Username: 'alice', ConfirmationCode: code!.code }));
    const tokens = (await login('alice')).AuthenticationResult!;
    const claims = decodePayload(tokens.IdToken!);
    expect(claims.plan).toBe('gold');
    expect(claims.email).toBeUndefined();
    expect(claims['cognito:username']).toBe('alice');
    const refreshed = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: ids.clientId,
        AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! },
      }),
    );
    expect(decodePayload(refreshed.AuthenticationResult!.IdToken!).plan).toBe('gold');

    const events = await eventsFor('alice', 7);
    expect(events.map((e) => e.triggerSource)).toEqual([
      'PreSignUp_SignUp',
      'CustomMessage_SignUp',
      'PostConfirmation_ConfirmSignUp',
      'PreAuthentication_Authentication',
      'TokenGeneration_Authentication',
      'PostAuthentication_Authentication',
      'TokenGeneration_RefreshTokens',
    ]);
    const [preSignUp, customMessage, postConfirmation, preAuthentication, , postAuthentication] = events;
    expect(preSignUp).toEqual({
      version: '1',
      triggerSource: 'PreSignUp_SignUp',
      region: 'us-east-1',
      userPoolId: ids.poolId,
      userName: 'alice',
      callerContext: { awsSdkVersion: expect.stringMatching(/^aws-sdk-js-3\./), clientId: ids.clientId },
      request: { userAttributes: { email: 'alice@example.com' }, validationData: {}, clientMetadata: { source: 'test' } },
      response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    });
    expect(customMessage!.request).toEqual({
      userAttributes: expect.objectContaining({ email: 'alice@example.com', 'cognito:user_status': 'UNCONFIRMED' }),
      codeParameter: '{####}',
      linkParameter: '{##Click Here##}',
      usernameParameter: null,
      clientMetadata: { source: 'test' },
    });
    expect(customMessage!.response).toEqual({ smsMessage: null, emailMessage: null, emailSubject: null });
    expect(postConfirmation!.request.userAttributes).toMatchObject({
      email: 'alice@example.com',
      email_verified: 'true',
      'cognito:user_status': 'CONFIRMED',
      sub: expect.any(String),
    });
    expect(preAuthentication!.request).toEqual({ userAttributes: expect.objectContaining({ email: 'alice@example.com' }) });
    expect(postAuthentication!.request).toEqual({ userAttributes: expect.any(Object), newDeviceUsed: false });
  });

  it('auto-confirms and auto-verifies when PreSignUp says so, then runs PostConfirmation', async (ctx) => {
    if (!hasLambda) ctx.skip();
    const out = await signUp('bob', { invite: 'yes' });
    expect(out.UserConfirmed).toBe(true);
    expect(out.CodeDeliveryDetails).toBeUndefined();
    expect(await sentCodes(cloud, { userPoolId: ids.poolId, username: 'bob' })).toEqual([]);
    const tokens = (await login('bob')).AuthenticationResult!;
    expect(decodePayload(tokens.IdToken!).email_verified).toBe(true);
    const events = await eventsFor('bob', 2);
    expect(events.slice(0, 2).map((e) => e.triggerSource)).toEqual(['PreSignUp_SignUp', 'PostConfirmation_ConfirmSignUp']);
    expect(events[0]!.request.validationData).toEqual({ invite: 'yes' });
  });

  it("turns the function's failures into Cognito's errors", async (ctx) => {
    if (!hasLambda) ctx.skip();
    expect(await failure(signUp('badname'))).toEqual({
      name: 'UserLambdaValidationException',
      message: 'PreSignUp failed with error Usernames may not start with bad.',
      status: 400,
    });
    expect(await failure(signUp('silent'))).toEqual({
      name: 'InvalidLambdaResponseException',
      message: 'Unrecognizable lambda output',
      status: 400,
    });
    await signUp('blocked', { invite: 'yes' });
    expect(await failure(login('blocked'))).toEqual({
      name: 'UserLambdaValidationException',
      message: 'PreAuthentication failed with error This account is blocked.',
      status: 400,
    });
  });

  it('runs PreSignUp for admin-created users and PostConfirmation for admin confirmation and password resets', async (ctx) => {
    if (!hasLambda) ctx.skip();
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: ids.poolId,
        Username: 'carol',
        UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }],
        MessageAction: 'SUPPRESS',
      }),
    );
    await signUp('dave');
    await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: ids.poolId, Username: 'dave' }));
    await signUp('erin', { invite: 'yes' });
    await cognito.send(new ForgotPasswordCommand({ ClientId: ids.clientId, Username: 'erin' }));
    const code = await latestCode(cloud, ids.poolId, 'erin');
    await cognito.send(
      new ConfirmForgotPasswordCommand({ ClientId: ids.clientId, Username: 'erin', ConfirmationCode: code, Password: 'Reset-passw0rd' }),
    );

    const carol = await eventsFor('carol', 1);
    expect(carol[0]).toMatchObject({ triggerSource: 'PreSignUp_AdminCreateUser', callerContext: { clientId: 'CLIENT_ID_NOT_APPLICABLE' } });
    const dave = await eventsFor('dave', 3);
    expect(dave.map((e) => e.triggerSource)).toEqual(['PreSignUp_SignUp', 'CustomMessage_SignUp', 'PostConfirmation_ConfirmSignUp']);
    expect(dave[2]!.callerContext.clientId).toBe('CLIENT_ID_NOT_APPLICABLE');
    const erin = await eventsFor('erin', 4);
    expect(erin.map((e) => e.triggerSource).slice(2)).toEqual(['CustomMessage_ForgotPassword', 'PostConfirmation_ConfirmForgotPassword']);
  });

  it('applies a version 2 PreTokenGeneration answer to both tokens', async (ctx) => {
    if (!hasLambda) ctx.skip();
    const v2 = await createChatPool(cognito, {
      LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: functionArn, LambdaVersion: 'V2_0' } },
    });
    await lambda.send(
      new AddPermissionCommand({
        FunctionName: 'cognito-triggers',
        StatementId: 'cognito-v2',
        Action: 'lambda:InvokeFunction',
        Principal: 'cognito-idp.amazonaws.com',
        SourceArn: v2.poolArn,
      }),
    );
    await cognito.send(
      new SignUpCommand({
        ClientId: v2.clientId,
        Username: 'gina',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: 'g@example.com' }],
      }),
    );
    await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: v2.poolId, Username: 'gina' }));
    const { AuthenticationResult } = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: v2.clientId, AuthParameters: { USERNAME: 'gina', PASSWORD } }),
    );
    expect(decodePayload(AuthenticationResult!.IdToken!).tier).toBe('v2');
    const access = decodePayload(AuthenticationResult!.AccessToken!);
    expect(access).toMatchObject({ tier: 'v2', scope: 'chat/read' });
    const [event] = await eventsFor('gina', 1);
    expect(event).toMatchObject({ version: '2', triggerSource: 'TokenGeneration_Authentication' });
    expect(event!.request.scopes).toEqual(['aws.cognito.signin.user.admin']);
  });

  it('answers UnexpectedLambdaException when the function may not be invoked by the pool', async (ctx) => {
    if (!hasLambda) ctx.skip();
    const other = await createChatPool(cognito, { LambdaConfig: { PreSignUp: functionArn } });
    expect(
      await failure(
        cognito.send(
          new SignUpCommand({
            ClientId: other.clientId,
            Username: 'frank',
            Password: PASSWORD,
            UserAttributes: [{ Name: 'email', Value: 'f@example.com' }],
          }),
        ),
      ),
    ).toEqual({
      name: 'UnexpectedLambdaException',
      message: 'PreSignUp invocation failed due to error AccessDeniedException.',
      status: 400,
    });
    await cognito.send(
      new UpdateUserPoolCommand({
        UserPoolId: other.poolId,
        AutoVerifiedAttributes: ['email'],
        LambdaConfig: { PreSignUp: 'arn:aws:lambda:us-east-1:000000000000:function:missing' },
      }),
    );
    expect(
      await failure(
        cognito.send(
          new SignUpCommand({
            ClientId: other.clientId,
            Username: 'frank',
            Password: PASSWORD,
            UserAttributes: [{ Name: 'email', Value: 'f@example.com' }],
          }),
        ),
      ),
    ).toEqual({
      name: 'UnexpectedLambdaException',
      message: 'PreSignUp invocation failed due to error ResourceNotFoundException.',
      status: 400,
    });
  });
});
