/**
 * LocalStack in a container (testcontainers 11): the same stack provisioned into it, then the API
 * flow. Skipped where no container runtime answers (getContainerRuntimeClient fails).
 *
 * Without LOCALSTACK_AUTH_TOKEN (the free tier, image localstack/localstack:4.14.0): Cognito and
 * CloudFront are routed to an in-process local cloud, as in docker-compose.yml; the free tier
 * stores the Cognito authorizer but does not enforce it, so the flow checked is the CORS
 * preflight through LocalStack's API Gateway data plane. With a token, LocalStack's own Cognito
 * serves the pool and the flow signs a user in and calls the API with the ID token.
 */
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { getContainerRuntimeClient, type StartedTestContainer } from 'testcontainers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackOutputs } from '../../provision/outputs.js';
import type { Target } from '../../provision/target.js';
import { startTestCloud, type TestCloud } from '../local-cloud.js';

async function containerRuntime(): Promise<boolean> {
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

const runtime = await containerRuntime();
const token = process.env.LOCALSTACK_AUTH_TOKEN;
const IMAGE = process.env.LOCALSTACK_IMAGE ?? 'localstack/localstack:4.14.0';

describe.skipIf(!runtime)(`LocalStack (${IMAGE}) in a container${runtime ? '' : ' (skipped: no container runtime answers here)'}`, () => {
  let container: StartedTestContainer | undefined;
  let cloud: TestCloud | undefined;
  let target: Target;
  let outputs: StackOutputs;

  beforeAll(async () => {
    const { GenericContainer, Wait } = await import('testcontainers');
    let builder = new GenericContainer(IMAGE)
      .withExposedPorts(4566)
      .withBindMounts([{ source: '/var/run/docker.sock', target: '/var/run/docker.sock' }])
      .withWaitStrategy(Wait.forHttp('/_localstack/health', 4566).forStatusCode(200))
      .withStartupTimeout(180_000);
    if (token) builder = builder.withEnvironment({ LOCALSTACK_AUTH_TOKEN: token });
    container = await builder.start();
    const endpoint = `http://${container.getHost()}:${container.getMappedPort(4566)}`;
    target = { name: 'localstack', region: 'us-east-1', endpoint };
    if (!token) {
      cloud = await startTestCloud();
      target.serviceEndpoints = { cognito: cloud.url, cloudfront: cloud.url };
    }
    const { provision } = await import('../../provision/provision.js');
    outputs = await provision(target, () => {});
  }, 600_000);

  afterAll(async () => {
    await cloud?.close();
    await container?.stop();
  });

  it('takes the whole stack', () => {
    expect(outputs.apiId).toBeTruthy();
    expect(outputs.apiUrl).toBe(`${target.endpoint}/restapis/${outputs.apiId}/prod/_user_request_`);
    expect(Object.keys(outputs.functions).length).toBeGreaterThanOrEqual(5);
  });

  it('answers the CORS preflight through its API Gateway data plane', async () => {
    const response = await fetch(`${outputs.apiUrl}/conversations`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it.skipIf(!token)(
    'signs a user in with its Cognito and runs the API flow (needs LOCALSTACK_AUTH_TOKEN)',
    { timeout: 300_000 },
    async () => {
      const cognito = new CognitoIdentityProviderClient({
        region: target.region,
        endpoint: target.endpoint,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      });
      const password = 'Passw0rd!Passw0rd';
      for (const Username of ['alice', 'bob']) {
        await cognito.send(
          new AdminCreateUserCommand({
            UserPoolId: outputs.userPoolId,
            Username,
            UserAttributes: [{ Name: 'email', Value: `${Username}@example.com` }],
            MessageAction: 'SUPPRESS',
          }),
        );
        await cognito.send(
          new AdminSetUserPasswordCommand({ UserPoolId: outputs.userPoolId, Username, Password: password, Permanent: true }),
        );
      }
      const auth = await cognito.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: outputs.userPoolClientId,
          AuthParameters: { USERNAME: 'alice', PASSWORD: password },
        }),
      );
      const headers = { Authorization: auth.AuthenticationResult!.IdToken!, 'Content-Type': 'application/json' };

      expect((await fetch(`${outputs.apiUrl}/conversations`)).status).toBe(401);
      const created = await fetch(`${outputs.apiUrl}/conversations`, { method: 'POST', headers, body: JSON.stringify(['bob']) });
      expect(created.status).toBe(200);
      const id = (await created.json()) as string;
      const sent = await fetch(`${outputs.apiUrl}/conversations/${id}`, { method: 'POST', headers, body: JSON.stringify('hello bob') });
      expect(sent.status).toBe(204);
      const conversation = (await (await fetch(`${outputs.apiUrl}/conversations/${id}`, { headers })).json()) as {
        messages: Array<{ sender: string; message: string }>;
      };
      expect(conversation.messages.map((m) => [m.sender, m.message])).toEqual([['alice', 'hello bob']]);
    },
  );
});
