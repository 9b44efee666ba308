import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APIGatewayClient, GetResourcesCommand, GetRestApiCommand, GetStageCommand } from '@aws-sdk/client-api-gateway';
import {
  AdminConfirmSignUpCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackOutputs } from '../../provision/outputs.js';
import { provision } from '../../provision/provision.js';
import { STACK } from '../../provision/stack.js';
import { callApi } from './support/api.js';
import { type CloudProcess, freePort, startCloudProcess } from './support/cloud-process.js';
import { type ChatUser, createUsers, logIn, PASSWORD } from './support/users.js';

/** Provisioning a stack on a loaded two-core machine can take a minute. */
const SETUP_TIMEOUT_MS = 180_000;

const POSTS = 1000;
/** The local cloud is killed once this many posts have been acknowledged, with the rest in flight. */
const KILL_AFTER_ACKS = 100;
const SIGN_UPS = 12;

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function unparsable(files: string[]): string[] {
  return files.filter((file) => {
    try {
      JSON.parse(readFileSync(file, 'utf8'));
      return false;
    } catch {
      return true;
    }
  });
}

/** `kill -9` of the local cloud in the middle of 1,000 posts loses nothing that was acknowledged. */
describe('the local cloud killed with -9 under load', () => {
  let root: string;
  let stateDir: string;
  let tmpDir: string;
  let port: number;
  let cloud: CloudProcess | undefined;
  let outputs: StackOutputs;
  let alice: ChatUser;
  let conversationId: string;
  const config = () => ({
    endpoint: cloud!.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'durability-'));
    stateDir = join(root, 'state');
    tmpDir = join(root, 'tmp');
    mkdirSync(tmpDir);
    port = await freePort();
    cloud = await startCloudProcess({ port, stateDir, tmpDir });
    outputs = await provision({ name: 'local', endpoint: cloud.url, region: 'us-east-1' }, () => {});
    const cognito = new CognitoIdentityProviderClient(config());
    [alice] = (await createUsers(cognito, outputs, ['alice', 'bob'])) as [ChatUser, ChatUser];
    const created = await callApi(outputs.apiUrl, 'POST', '/conversations', { token: alice.idToken, body: ['bob'] });
    expect(created.status).toBe(200);
    conversationId = created.json as string;
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await cloud?.destroy();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('keeps every acknowledged message, user, signing key and resource, and no file is corrupt', { timeout: 300_000 }, async () => {
    const jwksUrl = `${cloud!.url}/${outputs.userPoolId}/.well-known/jwks.json`;
    const jwksBefore = await (await fetch(jwksUrl)).json();
    const cognito = new CognitoIdentityProviderClient(config());

    const acknowledged: string[] = [];
    const signedUp: string[] = [];
    const conversations: string[] = [];
    let killed: Promise<void> | undefined;
    const killOnce = () => {
      killed ??= cloud!.kill9();
      return killed;
    };
    const posts = Array.from({ length: POSTS }, async (_, i) => {
      const text = `message ${i}`;
      const answer = await callApi(outputs.apiUrl, 'POST', `/conversations/${conversationId}`, {
        token: alice.idToken,
        body: JSON.stringify(text),
      }).catch(() => undefined);
      if (answer?.status === 204) {
        acknowledged.push(text);
        if (acknowledged.length === KILL_AFTER_ACKS) await killOnce();
      }
    });
    // Other writes during the storm: sign-ups (confirmed) and new conversations.
    const signUps = Array.from({ length: SIGN_UPS }, async (_, i) => {
      const username = `late${i}`;
      try {
        await cognito.send(
          new SignUpCommand({
            ClientId: outputs.userPoolClientId,
            Username: username,
            Password: PASSWORD,
            UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
          }),
        );
        await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: outputs.userPoolId, Username: username }));
        signedUp.push(username);
      } catch {
        // not acknowledged: the local cloud died first
      }
    });
    const starts = Array.from({ length: 10 }, async () => {
      const answer = await callApi(outputs.apiUrl, 'POST', '/conversations', { token: alice.idToken, body: ['bob'] }).catch(
        () => undefined,
      );
      if (answer?.status === 200) conversations.push(answer.json as string);
    });
    await Promise.all([...posts, ...signUps, ...starts]);
    await killOnce();
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acknowledged.length).toBeLessThan(POSTS); // the kill came with posts still in flight

    // The files the dead process left: every JSON document parses (a half-written one would not).
    expect(unparsable(jsonFilesUnder(stateDir))).toEqual([]);

    cloud = await startCloudProcess({ port, stateDir, tmpDir });

    // The old ID token still opens the API: same signing key, and the messages are all there.
    const answer = await callApi(outputs.apiUrl, 'GET', `/conversations/${conversationId}`, { token: alice.idToken });
    expect(answer.status).toBe(200);
    const stored = (answer.json as { messages: Array<{ message: string; sender: string }> }).messages;
    const texts = stored.map((m) => m.message);
    expect(acknowledged.filter((text) => !texts.includes(text))).toEqual([]);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.every((text) => /^message \d+$/.test(text))).toBe(true);
    expect(await (await fetch(jwksUrl)).json()).toEqual(jwksBefore);

    // Users log in as before; every acknowledged sign-up is there.
    await logIn(new CognitoIdentityProviderClient(config()), outputs, 'alice');
    const afterCognito = new CognitoIdentityProviderClient(config());
    for (const username of signedUp) {
      const user = await afterCognito.send(new AdminGetUserCommand({ UserPoolId: outputs.userPoolId, Username: username }));
      expect(user.UserStatus).toBe('CONFIRMED');
    }
    await afterCognito.send(new DescribeUserPoolCommand({ UserPoolId: outputs.userPoolId }));
    for (const id of conversations) {
      expect((await callApi(outputs.apiUrl, 'GET', `/conversations/${id}`, { token: alice.idToken })).status).toBe(200);
    }

    // Every resource of the stack is still there.
    const apigateway = new APIGatewayClient(config());
    await apigateway.send(new GetRestApiCommand({ restApiId: outputs.apiId }));
    await apigateway.send(new GetStageCommand({ restApiId: outputs.apiId, stageName: outputs.stage }));
    const resources = await apigateway.send(new GetResourcesCommand({ restApiId: outputs.apiId }));
    expect(resources.items?.map((r) => r.path)).toEqual(expect.arrayContaining(['/conversations', '/conversations/{id}', '/users']));
    const lambda = new LambdaClient(config());
    for (const name of Object.keys(outputs.functions)) await lambda.send(new GetFunctionCommand({ FunctionName: name }));
    const dynamodb = new DynamoDBClient(config());
    for (const table of [STACK.tables.messages, STACK.tables.conversations])
      await dynamodb.send(new DescribeTableCommand({ TableName: table }));
    const iam = new IAMClient(config());
    for (const role of Object.values(STACK.roles)) await iam.send(new GetRoleCommand({ RoleName: role }));
    await new S3Client({ ...config(), forcePathStyle: true }).send(new HeadBucketCommand({ Bucket: outputs.websiteBucket }));

    // A new post works after the restart.
    const after = await callApi(outputs.apiUrl, 'POST', `/conversations/${conversationId}`, {
      token: alice.idToken,
      body: JSON.stringify('after the restart'),
    });
    expect(after.status).toBe(204);
    expect(unparsable(jsonFilesUnder(stateDir))).toEqual([]);
  });
});
