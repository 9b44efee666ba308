import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DeleteRolePolicyCommand, GetRolePolicyCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  LambdaClient,
  ListEventSourceMappingsCommand,
} from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../emulator/index.js';
import type { StackOutputs } from '../provision/outputs.js';
import { provision } from '../provision/provision.js';
import { STACK } from '../provision/stack.js';

/**
 * The chat stack on a local cloud that enforces IAM (EMULATOR_ENFORCE_IAM=1): each function runs
 * with temporary credentials of its execution role, so a permission missing from the role breaks
 * the route that needs it, as it would on AWS.
 */
describe('the chat app with IAM enforced', () => {
  let cloud: LocalCloud;
  let outputs: StackOutputs;
  let config: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  const tokens: Record<string, string> = {};

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${outputs.apiUrl}${path}`, {
      method,
      headers: { authorization: token, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    cloud = await startLocalCloud({ port: 0, host: '127.0.0.1', enforceIam: true });
    config = { endpoint: cloud.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    outputs = await provision({ name: 'local', endpoint: cloud.url, region: 'us-east-1' }, () => {});
    const cognito = new CognitoIdentityProviderClient(config);
    for (const username of ['alice', 'bob']) {
      await cognito.send(
        new SignUpCommand({
          ClientId: outputs.userPoolClientId,
          Username: username,
          Password: 'Passw0rd!',
          UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
        }),
      );
      await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: outputs.userPoolId, Username: username }));
      const { AuthenticationResult } = await cognito.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: outputs.userPoolClientId,
          AuthParameters: { USERNAME: username, PASSWORD: 'Passw0rd!' },
        }),
      );
      tokens[username] = AuthenticationResult!.IdToken!;
    }
  }, 180_000);
  afterAll(async () => cloud?.close());

  it('serves the routes the role allows', async () => {
    const created = await call('POST', '/conversations', tokens.alice!, ['bob']);
    expect(created.status).toBe(200);
    const listed = await call('GET', '/conversations', tokens.alice!);
    expect(listed.status).toBe(200);
    expect(JSON.parse(listed.text)).toHaveLength(1);
  });

  it('fails GET /conversations with AccessDenied once dynamodb:Query leaves the role', async () => {
    const iam = new IAMClient(config);
    const { PolicyDocument } = await iam.send(new GetRolePolicyCommand({ RoleName: STACK.roles.chat, PolicyName: 'chat-data' }));
    const document = JSON.parse(decodeURIComponent(PolicyDocument!)) as { Statement: { Action: string | string[] }[] };
    for (const statement of document.Statement) {
      const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
      statement.Action = actions.filter((action) => action !== 'dynamodb:Query');
    }
    await iam.send(
      new PutRolePolicyCommand({ RoleName: STACK.roles.chat, PolicyName: 'chat-data', PolicyDocument: JSON.stringify(document) }),
    );

    const listed = await call('GET', '/conversations', tokens.alice!);
    expect(listed.status).toBeGreaterThanOrEqual(500);

    const expected =
      `User: arn:aws:sts::${outputs.account}:assumed-role/${STACK.roles.chat}/Chat-Conversation-GET is not authorized to perform: ` +
      `dynamodb:Query on resource: arn:aws:dynamodb:us-east-1:${outputs.account}:table/${STACK.tables.conversations}/index/${STACK.tables.conversationsByUser} ` +
      'because no identity-based policy allows the dynamodb:Query action';
    const logs = new CloudWatchLogsClient(config);
    let logged = '';
    for (let attempt = 0; attempt < 50 && !logged.includes(expected); attempt++) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 100));
      const { events } = await logs.send(
        new FilterLogEventsCommand({ logGroupName: '/aws/lambda/Chat-Conversation-GET', filterPattern: 'AccessDeniedException' }),
      );
      logged = (events ?? []).map((e) => e.message).join('\n');
    }
    expect(logged).toContain('AccessDeniedException');
    expect(logged).toContain(expected);

    // The routes that do not query keep working.
    const posted = await call('POST', '/conversations', tokens.bob!, ['alice']);
    expect(posted.status).toBe(200);
  });

  it('refuses to map the messages stream to a function whose role cannot read it, as Lambda checks on AWS', async () => {
    const iam = new IAMClient(config);
    const lambda = new LambdaClient(config);
    const [mapping] = (await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'Chat-Messages-Stream:live' })))
      .EventSourceMappings!;
    await iam.send(new DeleteRolePolicyCommand({ RoleName: STACK.roles.stream, PolicyName: 'messages-stream' }));
    await lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping!.UUID }));
    const refused = lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'Chat-Messages-Stream:live',
        EventSourceArn: mapping!.EventSourceArn,
        StartingPosition: 'LATEST',
      }),
    );
    await expect(refused).rejects.toMatchObject({
      name: 'InvalidParameterValueException',
      message: expect.stringContaining(`Cannot access stream ${mapping!.EventSourceArn}`),
    });
  });
});
