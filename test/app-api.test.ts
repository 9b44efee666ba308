import { readFileSync } from 'node:fs';
import { GetExportCommand, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { UpdateFunctionCodeCommand, waitUntilFunctionUpdatedV2 } from '@aws-sdk/client-lambda';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostRequest } from '../emulator/services/s3/host-request.js';
import type { StackOutputs } from '../provision/outputs.js';
import { provision } from '../provision/provision.js';
import { promote } from '../provision/steps/functions.js';
import { type Clients, clientsFor, type Target } from '../provision/target.js';
import { typesFromOpenApi } from '../scripts/openapi-types.js';
import { startTestCloud, type TestCloud } from './local-cloud.js';

const PASSWORD = 'Passw0rd!';

describe('the chat API on the final architecture (mapping mode, aliases, stages)', () => {
  let cloud: TestCloud;
  let target: Target;
  let outputs: StackOutputs;
  let clients: Clients;
  const tokens: Record<string, string> = {};

  async function call(method: string, path: string, options: { token?: string; body?: string; stage?: string } = {}) {
    const stage = options.stage ?? 'prod';
    const response = await fetch(`${cloud.url}/restapis/${outputs.apiId}/${stage}/_user_request_${path}`, {
      method,
      headers: { ...(options.token ? { Authorization: options.token } : {}), 'Content-Type': 'application/json' },
      body: options.body,
    });
    const text = await response.text();
    return { status: response.status, text, json: text ? JSON.parse(text) : undefined, headers: response.headers };
  }

  beforeAll(async () => {
    cloud = await startTestCloud();
    target = { name: 'local', endpoint: cloud.url, region: 'us-east-1' };
    outputs = await provision(target, () => {});
    clients = clientsFor(target);
    const cognito = new CognitoIdentityProviderClient(cloud.clientConfig);
    for (const username of ['alice', 'bob', 'carol']) {
      await cognito.send(
        new SignUpCommand({
          ClientId: outputs.userPoolClientId,
          Username: username,
          Password: PASSWORD,
          UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
        }),
      );
      await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: outputs.userPoolId, Username: username }));
      const auth = await cognito.send(
        new InitiateAuthCommand({
          ClientId: outputs.userPoolClientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: username, PASSWORD },
        }),
      );
      tokens[username] = auth.AuthenticationResult!.IdToken!;
    }
  }, 180_000);
  afterAll(async () => cloud?.close());

  it('runs a conversation through the mapping-mode routes', async () => {
    const created = await call('POST', '/conversations', { token: tokens.alice, body: JSON.stringify(['bob']) });
    expect(created.status).toBe(200);
    const id = created.json as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.headers.get('access-control-allow-origin')).toBe('*');

    const tricky = 'a "quoted" \\ message, with <b>markup</b> and \'apostrophes\'';
    const posted = await call('POST', `/conversations/${id}`, { token: tokens.bob, body: JSON.stringify(tricky) });
    expect(posted.status).toBe(204);
    expect(posted.text).toBe('');

    const read = await call('GET', `/conversations/${id}`, { token: tokens.alice });
    expect(read.status).toBe(200);
    expect(read.json.participants.sort()).toEqual(['alice', 'bob']);
    expect(read.json.messages).toEqual([{ sender: 'bob', time: read.json.last, message: tricky }]);

    const newer = await call('GET', `/conversations/${id}?since=${read.json.last}`, { token: tokens.alice });
    expect(newer.json.messages).toEqual([]);

    // The list's `last` is kept by Chat-Messages-Stream from the messages stream: it follows within moments.
    await expect
      .poll(async () => (await call('GET', '/conversations', { token: tokens.bob })).json, { timeout: 15_000, interval: 100 })
      .toContainEqual({ id, participants: expect.arrayContaining(['alice', 'bob']), last: read.json.last });

    const users = await call('GET', '/users', { token: tokens.alice });
    expect(users.json).toEqual(['bob', 'carol']);
  });

  it('validates bodies against the models before any function runs', async () => {
    const before = (await call('GET', '/conversations', { token: tokens.carol })).json;
    for (const body of ['{"users": ["bob"]}', '[]', '[42]', 'not json']) {
      const response = await call('POST', '/conversations', { token: tokens.carol, body });
      expect(response.status, body).toBe(400);
      expect(response.json).toEqual({ message: 'Invalid request body' });
    }
    expect((await call('GET', '/conversations', { token: tokens.carol })).json).toEqual(before);
    const id = (await call('POST', '/conversations', { token: tokens.carol, body: '["bob"]' })).json;
    const wrongType = await call('POST', `/conversations/${id}`, { token: tokens.carol, body: '42' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json).toEqual({ message: 'Invalid request body' });
  });

  it('maps function errors to statuses with a message', async () => {
    const unknown = await call('POST', '/conversations', { token: tokens.alice, body: '["nobody"]' });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({ message: 'Unknown user: nobody' });

    const id = (await call('POST', '/conversations', { token: tokens.alice, body: '["bob"]' })).json;
    const read = await call('GET', `/conversations/${id}`, { token: tokens.carol });
    expect(read.status).toBe(403);
    expect(read.json).toEqual({ message: 'You are not a participant of this conversation' });
    for (const hostileId of ["a'b", 'a"b', 'a%5Cb']) {
      const response = await call('GET', `/conversations/${encodeURIComponent(hostileId).replace(/%25/g, '%')}`, { token: tokens.alice });
      expect(response.status, hostileId).toBe(400);
      expect(response.json).toEqual({ message: 'Invalid conversation id' });
    }
    const post = await call('POST', `/conversations/${id}`, { token: tokens.carol, body: '"let me in"' });
    expect(post.status).toBe(403);
    expect((await call('GET', `/conversations/${id}`, { token: tokens.alice })).json.messages).toEqual([]);
  });

  it('refuses calls without a valid ID token before any function runs, with CORS headers', async () => {
    const missing = await call('GET', '/conversations');
    expect(missing.status).toBe(401);
    expect(missing.json).toEqual({ message: 'Unauthorized' });
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
    const forged = await call('GET', '/users', { token: `${tokens.alice!.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(401);
  });

  it('answers CORS preflights', async () => {
    const response = await fetch(`${cloud.url}/restapis/${outputs.apiId}/prod/_user_request_/conversations`, { method: 'OPTIONS' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
  });

  it('holds sign-ups to the rules of the form through the PreSignUp trigger', async () => {
    const cognito = new CognitoIdentityProviderClient(cloud.clientConfig);
    await expect(
      cognito.send(
        new SignUpCommand({
          ClientId: outputs.userPoolClientId,
          Username: "o'brien",
          Password: PASSWORD,
          UserAttributes: [{ Name: 'email', Value: 'ob@example.com' }],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'UserLambdaValidationException',
      message: expect.stringMatching(/^PreSignUp failed with error Usernames have 1 to 20/),
    });
  });

  it('serves the client through the website endpoint and the CloudFront distribution, SPA routes included', async () => {
    const website = new URL(outputs.websiteUrl);
    const fromWebsite = await hostRequest(cloud.port, website.host, '/');
    expect(fromWebsite.status).toBe(200);
    expect(fromWebsite.body).toContain('<div id="app"');
    const cdn = new URL(outputs.cdnUrl!);
    expect(cdn.hostname).toMatch(/^[a-z0-9]+\.cloudfront\.localhost$/);
    const first = await hostRequest(cloud.port, cdn.host, '/config.json');
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toMatchObject({ userPoolId: outputs.userPoolId, apiUrl: outputs.apiUrl });
    const index = await hostRequest(cloud.port, cdn.host, '/');
    expect(index.body).toBe(fromWebsite.body);
    const deepLink = await hostRequest(cloud.port, cdn.host, '/chat/some-conversation');
    expect(deepLink.status).toBe(200);
    expect(deepLink.body).toBe(fromWebsite.body);
  });

  it('keeps GET /me in Lambda proxy mode', async () => {
    const me = await call('GET', '/me', { token: tokens.alice });
    expect(me.status).toBe(200);
    expect(me.json).toEqual({ username: 'alice', email: 'alice@example.com' });
  });

  it('serves prod from alias live until a promote, while dev follows $LATEST', async () => {
    const code = 'exports.handler = async () => ["changed"];';
    const zip = zipSync({ 'index.js': new TextEncoder().encode(code) });
    await clients.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'Chat-Users-GET', ZipFile: zip }));
    await waitUntilFunctionUpdatedV2({ client: clients.lambda, maxWaitTime: 30 }, { FunctionName: 'Chat-Users-GET' });

    expect((await call('GET', '/users', { token: tokens.alice, stage: 'dev' })).json).toEqual(['changed']);
    expect((await call('GET', '/users', { token: tokens.alice, stage: 'prod' })).json).toEqual(['bob', 'carol']);

    const { from, to } = await promote(clients, 'Chat-Users-GET');
    expect(Number(to)).toBeGreaterThan(Number(from));
    expect((await call('GET', '/users', { token: tokens.alice, stage: 'prod' })).json).toEqual(['changed']);
  });

  it('exports the API as OpenAPI, and the client types are generated from that export', async () => {
    const exported = await clients.apigateway.send(
      new GetExportCommand({
        restApiId: outputs.apiId,
        stageName: 'prod',
        exportType: 'oas30',
        accepts: 'application/json',
        parameters: { extensions: 'apigateway' },
      }),
    );
    const document = JSON.parse(Buffer.from(exported.body!).toString('utf8'));
    expect(Object.keys(document.paths).sort()).toEqual(['/conversations', '/conversations/{id}', '/me', '/users']);
    expect(document.paths['/conversations'].post['x-amazon-apigateway-integration'].type).toBe('aws');
    expect(document.paths['/me'].get['x-amazon-apigateway-integration'].type).toBe('aws_proxy');
    const committed = readFileSync(new URL('../client/src/api-schema.ts', import.meta.url), 'utf8');
    expect(await typesFromOpenApi(document), 'client/src/api-schema.ts is stale: run npm run export-api').toBe(committed);
  });

  it('provisions idempotently: a second run changes nothing it should not', async () => {
    const again = await provision(target, () => {});
    expect(again.apiId).toBe(outputs.apiId);
    expect(again.userPoolId).toBe(outputs.userPoolId);
    expect(again.userPoolClientId).toBe(outputs.userPoolClientId);
    const apis = await clients.apigateway.send(new GetRestApisCommand({}));
    expect(apis.items?.filter((a) => a.name === 'Chat-API')).toHaveLength(1);
    expect((await call('GET', '/me', { token: tokens.bob })).json.username).toBe('bob');
  }, 120_000);
});
