import { request as httpRequest } from 'node:http';
import {
  APIGatewayClient,
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  DeleteMethodCommand,
  PutGatewayResponseCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  UpdateRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RecordingCloud, RecordingLambda, startRecordingCloud } from './test-cloud.js';

const ACCOUNT = '000000000000';
const lambdaUri = (fn: string) =>
  `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:${ACCOUNT}:function:${fn}/invocations`;

describe('API Gateway data plane', () => {
  const lambda = new RecordingLambda();
  let cloud: RecordingCloud;
  let apigw: APIGatewayClient;
  const invokeUrl = (apiId: string, stage: string, path: string) => `${cloud.url}/restapis/${apiId}/${stage}/_user_request_${path}`;

  beforeAll(async () => {
    cloud = await startRecordingCloud([lambda]);
    apigw = new APIGatewayClient(cloud.clientConfig);
  });
  afterAll(async () => cloud.close());
  beforeEach(() => {
    lambda.calls = [];
    lambda.answer = () => ({ payload: Buffer.from(JSON.stringify({ statusCode: 200, body: 'ok' })) });
  });

  async function newApi(name = 'Chat-API') {
    const api = await apigw.send(new CreateRestApiCommand({ name }));
    return { id: api.id!, root: api.rootResourceId! };
  }

  async function resource(apiId: string, parentId: string, pathPart: string) {
    return (await apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId, pathPart }))).id!;
  }

  async function proxyMethod(
    apiId: string,
    resourceId: string,
    httpMethod: string,
    fn = 'Chat-Proxy',
    auth: { authorizerId?: string } = {},
  ) {
    await apigw.send(
      new PutMethodCommand({
        restApiId: apiId,
        resourceId,
        httpMethod,
        authorizationType: auth.authorizerId ? 'COGNITO_USER_POOLS' : 'NONE',
        authorizerId: auth.authorizerId,
      }),
    );
    await apigw.send(
      new PutIntegrationCommand({
        restApiId: apiId,
        resourceId,
        httpMethod,
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: lambdaUri(fn),
      }),
    );
  }

  async function corsOptions(apiId: string, resourceId: string) {
    const base = { restApiId: apiId, resourceId, httpMethod: 'OPTIONS' };
    await apigw.send(new PutMethodCommand({ ...base, authorizationType: 'NONE' }));
    await apigw.send(new PutIntegrationCommand({ ...base, type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    await apigw.send(
      new PutMethodResponseCommand({
        ...base,
        statusCode: '200',
        responseParameters: {
          'method.response.header.Access-Control-Allow-Origin': true,
          'method.response.header.Access-Control-Allow-Headers': true,
          'method.response.header.Access-Control-Allow-Methods': true,
        },
      }),
    );
    await apigw.send(
      new PutIntegrationResponseCommand({
        ...base,
        statusCode: '200',
        responseParameters: {
          'method.response.header.Access-Control-Allow-Origin': "'*'",
          'method.response.header.Access-Control-Allow-Headers': "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'",
          'method.response.header.Access-Control-Allow-Methods': "'GET,POST,OPTIONS'",
        },
        responseTemplates: { 'application/json': '' },
      }),
    );
  }

  const deploy = (apiId: string, stageName = 'prod', variables?: Record<string, string>) =>
    apigw.send(new CreateDeploymentCommand({ restApiId: apiId, stageName, variables }));

  it('answers a MOCK OPTIONS method with its CORS headers', async () => {
    const api = await newApi();
    const users = await resource(api.id, api.root, 'users');
    await corsOptions(api.id, users);
    await deploy(api.id);
    const response = await fetch(invokeUrl(api.id, 'prod', '/users'), {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token',
    );
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe('');
  });

  it('invokes a Lambda proxy integration with the proxy event and maps its answer', async () => {
    const api = await newApi();
    const conversations = await resource(api.id, api.root, 'conversations');
    const id = await resource(api.id, conversations, '{id}');
    await proxyMethod(api.id, id, 'POST');
    await deploy(api.id);
    lambda.answer = () => ({
      payload: Buffer.from(
        JSON.stringify({
          statusCode: 201,
          headers: { 'X-Custom': 'one', 'Content-Type': 'text/plain', 'Content-Length': '999' },
          multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] },
          body: 'created',
        }),
      ),
    });

    const response = await fetch(`${invokeUrl(api.id, 'prod', '/conversations/abc-123')}?tag=a&tag=b&q=hello+world`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Trace-Me': 'Yes' },
      body: JSON.stringify('hi there'),
    });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('created');
    expect(response.headers.get('x-custom')).toBe('one');
    expect(response.headers.get('x-amzn-remapped-content-length')).toBe('999');
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);

    expect(lambda.calls).toHaveLength(1);
    const call = lambda.calls[0]!;
    expect(call.functionName).toBe(`arn:aws:lambda:us-east-1:${ACCOUNT}:function:Chat-Proxy`);
    expect(call.principal).toBe('apigateway.amazonaws.com');
    expect(call.sourceArn).toBe(`arn:aws:execute-api:us-east-1:${ACCOUNT}:${api.id}/prod/POST/conversations/{id}`);
    const event = lambda.event();
    expect(Object.keys(event).sort()).toEqual(
      [
        'body',
        'headers',
        'httpMethod',
        'isBase64Encoded',
        'multiValueHeaders',
        'multiValueQueryStringParameters',
        'path',
        'pathParameters',
        'queryStringParameters',
        'requestContext',
        'resource',
        'stageVariables',
      ].sort(),
    );
    expect(event).toMatchObject({
      resource: '/conversations/{id}',
      path: '/conversations/abc-123',
      httpMethod: 'POST',
      queryStringParameters: { tag: 'b', q: 'hello world' },
      multiValueQueryStringParameters: { tag: ['a', 'b'], q: ['hello world'] },
      pathParameters: { id: 'abc-123' },
      stageVariables: null,
      body: '"hi there"',
      isBase64Encoded: false,
    });
    expect(event.headers['X-Forwarded-Proto']).toBe('http');
    expect(event.headers['Content-Length']).toBeUndefined();
    expect(event.multiValueHeaders['content-type'] ?? event.multiValueHeaders['Content-Type']).toEqual(['application/json']);
    expect(Object.entries(event.headers).find(([k]) => k.toLowerCase() === 'x-trace-me')?.[1]).toBe('Yes');
    const ctx = event.requestContext;
    expect(ctx).toMatchObject({
      resourcePath: '/conversations/{id}',
      httpMethod: 'POST',
      path: '/prod/conversations/abc-123',
      accountId: ACCOUNT,
      protocol: 'HTTP/1.1',
      stage: 'prod',
      apiId: api.id,
      requestId: response.headers.get('x-amzn-requestid'),
      identity: { sourceIp: '127.0.0.1', cognitoIdentityId: null, accessKey: null, userArn: null },
    });
    expect(ctx.authorizer).toBeUndefined();
    expect(ctx.resourceId).toBe(id);
    expect(ctx.requestTime).toMatch(/^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/);
    expect(typeof ctx.requestTimeEpoch).toBe('number');
    expect(ctx.extendedRequestId).toMatch(/=$/);
    expect(ctx.domainName).toBe(`127.0.0.1:${cloud.port}`);
  });

  it('routes greedy paths and keeps GET bodies null', async () => {
    const api = await newApi();
    const proxy = await resource(api.id, api.root, '{proxy+}');
    await proxyMethod(api.id, proxy, 'ANY');
    await deploy(api.id, 'test');
    const response = await fetch(invokeUrl(api.id, 'test', '/users/alice/messages/'));
    expect(response.status).toBe(200);
    expect(lambda.event()).toMatchObject({
      resource: '/{proxy+}',
      path: '/users/alice/messages/',
      httpMethod: 'GET',
      pathParameters: { proxy: 'users/alice/messages' },
      queryStringParameters: null,
      body: null,
    });
    expect(lambda.calls[0]!.sourceArn).toBe(`arn:aws:execute-api:us-east-1:${ACCOUNT}:${api.id}/test/GET/{proxy+}`);
  });

  it('answers AWS errors for unknown paths, stages and APIs', async () => {
    const api = await newApi();
    const users = await resource(api.id, api.root, 'users');
    await proxyMethod(api.id, users, 'GET');
    await deploy(api.id);
    const unknownPath = await fetch(invokeUrl(api.id, 'prod', '/nothing'));
    expect(unknownPath.status).toBe(403);
    expect(await unknownPath.json()).toEqual({ message: 'Missing Authentication Token' });
    expect(unknownPath.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    const wrongMethod = await fetch(invokeUrl(api.id, 'prod', '/users'), { method: 'DELETE' });
    expect(wrongMethod.status).toBe(403);
    const unknownStage = await fetch(invokeUrl(api.id, 'staging', '/users'));
    expect(unknownStage.status).toBe(403);
    expect(await unknownStage.json()).toEqual({ message: 'Forbidden' });
    const unknownApi = await fetch(invokeUrl('zzzzzzzzzz', 'prod', '/users'));
    expect(unknownApi.status).toBe(403);
    await apigw.send(
      new UpdateRestApiCommand({
        restApiId: api.id,
        patchOperations: [{ op: 'replace', path: '/disableExecuteApiEndpoint', value: 'true' }],
      }),
    );
    const disabled = await fetch(invokeUrl(api.id, 'prod', '/users'));
    expect(disabled.status).toBe(403);
    expect(await disabled.json()).toEqual({ message: 'Forbidden' });
    expect(lambda.calls).toHaveLength(0);
  });

  it('answers host-style URLs {api}.execute-api.localhost/{stage}/{path}', async () => {
    const api = await newApi();
    const users = await resource(api.id, api.root, 'users');
    await proxyMethod(api.id, users, 'GET');
    await deploy(api.id);
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: cloud.port,
          path: '/prod/users?x=1',
          headers: { Host: `${api.id}.execute-api.localhost:${cloud.port}` },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, body: text }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
    expect(body).toBe('ok');
    const event = lambda.event();
    expect(event.path).toBe('/users');
    expect(event.queryStringParameters).toEqual({ x: '1' });
    expect(event.requestContext.domainName).toBe(`${api.id}.execute-api.localhost:${cloud.port}`);
    expect(event.requestContext.domainPrefix).toBe(api.id);
  });

  it('answers 502 for a function error or a malformed proxy answer and 500 when the invoke is refused', async () => {
    const api = await newApi();
    const users = await resource(api.id, api.root, 'users');
    await proxyMethod(api.id, users, 'GET');
    await deploy(api.id);
    const url = invokeUrl(api.id, 'prod', '/users');

    lambda.answer = () => ({ functionError: 'Unhandled', payload: Buffer.from('{"errorMessage":"boom","errorType":"Error"}') });
    let response = await fetch(url);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ message: 'Internal server error' });

    lambda.answer = () => ({ payload: Buffer.from(JSON.stringify({ statusCode: 200, body: { not: 'a string' } })) });
    response = await fetch(url);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ message: 'Internal server error' });

    lambda.answer = () => ({ payload: Buffer.from('"just a string"') });
    expect((await fetch(url)).status).toBe(502);

    lambda.answer = () => {
      throw Object.assign(new Error('The resource-based policy does not allow apigateway.amazonaws.com'), {
        name: 'AccessDeniedException',
      });
    };
    response = await fetch(url);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal server error' });
  });

  it('names the missing feature in a 500 for HTTP integrations and AWS service integrations other than Lambda', async () => {
    const api = await newApi();
    const users = await resource(api.id, api.root, 'users');
    const base = { restApiId: api.id, resourceId: users };
    await apigw.send(new PutMethodCommand({ ...base, httpMethod: 'GET', authorizationType: 'NONE' }));
    await apigw.send(
      new PutIntegrationCommand({
        ...base,
        httpMethod: 'GET',
        type: 'HTTP',
        integrationHttpMethod: 'GET',
        uri: 'https://example.com/users',
      }),
    );
    await apigw.send(new PutMethodCommand({ ...base, httpMethod: 'POST', authorizationType: 'NONE' }));
    await apigw.send(
      new PutIntegrationCommand({
        ...base,
        httpMethod: 'POST',
        type: 'AWS',
        integrationHttpMethod: 'POST',
        uri: 'arn:aws:apigateway:us-east-1:dynamodb:action/PutItem',
      }),
    );
    await deploy(api.id);
    const http = await fetch(invokeUrl(api.id, 'prod', '/users'));
    expect(http.status).toBe(500);
    expect(((await http.json()) as { message: string }).message).toMatch(/HTTP integrations/);
    const dynamo = await fetch(invokeUrl(api.id, 'prod', '/users'), { method: 'POST', body: '{}' });
    expect(dynamo.status).toBe(500);
    expect(((await dynamo.json()) as { message: string }).message).toMatch(/AWS service integrations other than Lambda/);
    expect(lambda.calls).toHaveLength(0);
  });

  it('answers 504 when the function outlives the integration timeout', async () => {
    const api = await newApi();
    const users = await resource(api.id, api.root, 'users');
    await apigw.send(new PutMethodCommand({ restApiId: api.id, resourceId: users, httpMethod: 'GET', authorizationType: 'NONE' }));
    await apigw.send(
      new PutIntegrationCommand({
        restApiId: api.id,
        resourceId: users,
        httpMethod: 'GET',
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: lambdaUri('Slow'),
        timeoutInMillis: 100,
      }),
    );
    await deploy(api.id);
    lambda.answer = () => new Promise((resolve) => setTimeout(() => resolve({ payload: Buffer.from('{}') }), 1000));
    const response = await fetch(invokeUrl(api.id, 'prod', '/users'));
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({ message: 'Endpoint request timed out' });
  });

  it('substitutes stage variables in the integration URI', async () => {
    const api = await newApi();
    const users = await resource(api.id, api.root, 'users');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's own stage variable syntax
    await proxyMethod(api.id, users, 'GET', 'Chat-Users-GET:${stageVariables.alias}');
    await deploy(api.id, 'prod', { alias: 'live' });
    await deploy(api.id, 'beta', { alias: 'next' });
    await fetch(invokeUrl(api.id, 'prod', '/users'));
    await fetch(invokeUrl(api.id, 'beta', '/users'));
    expect(lambda.calls.map((c) => c.functionName)).toEqual([
      `arn:aws:lambda:us-east-1:${ACCOUNT}:function:Chat-Users-GET:live`,
      `arn:aws:lambda:us-east-1:${ACCOUNT}:function:Chat-Users-GET:next`,
    ]);
    expect(lambda.event(0).stageVariables).toEqual({ alias: 'live' });
  });

  it('serves the deployment snapshot: later changes wait for the next deployment', async () => {
    const api = await newApi();
    const users = await resource(api.id, api.root, 'users');
    await proxyMethod(api.id, users, 'GET', 'First');
    const first = await deploy(api.id);
    const url = invokeUrl(api.id, 'prod', '/users');

    await apigw.send(
      new PutIntegrationCommand({
        restApiId: api.id,
        resourceId: users,
        httpMethod: 'GET',
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: lambdaUri('Second'),
      }),
    );
    const fresh = await resource(api.id, api.root, 'fresh');
    await proxyMethod(api.id, fresh, 'GET', 'Second');
    await fetch(url);
    expect(lambda.calls.at(-1)!.functionName).toMatch(/:function:First$/);
    expect((await fetch(invokeUrl(api.id, 'prod', '/fresh'))).status).toBe(403);

    const second = await deploy(api.id);
    await fetch(url);
    expect(lambda.calls.at(-1)!.functionName).toMatch(/:function:Second$/);
    expect((await fetch(invokeUrl(api.id, 'prod', '/fresh'))).status).toBe(200);

    await apigw.send(new DeleteMethodCommand({ restApiId: api.id, resourceId: fresh, httpMethod: 'GET' }));
    expect((await fetch(invokeUrl(api.id, 'prod', '/fresh'))).status).toBe(200);
    // A stage can be pointed back at an older deployment.
    await apigw.send(new CreateStageCommand({ restApiId: api.id, stageName: 'old', deploymentId: first.id }));
    expect((await fetch(invokeUrl(api.id, 'old', '/fresh'))).status).toBe(403);
    expect(second.id).not.toBe(first.id);
  });

  it('refuses requests over 10 MB with 413', async () => {
    const api = await newApi();
    const users = await resource(api.id, api.root, 'users');
    await proxyMethod(api.id, users, 'POST');
    await deploy(api.id);
    const response = await fetch(invokeUrl(api.id, 'prod', '/users'), { method: 'POST', body: Buffer.alloc(10 * 1024 * 1024 + 1, 97) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'Request Too Long' });
    expect(lambda.calls).toHaveLength(0);
  });

  describe('with a Cognito user pools authorizer', () => {
    let cognito: CognitoIdentityProviderClient;
    let poolArn: string;
    let idToken: string;
    let accessToken: string;

    beforeAll(async () => {
      cognito = new CognitoIdentityProviderClient(cloud.clientConfig);
      const { UserPool } = await cognito.send(
        new CreateUserPoolCommand({
          PoolName: 'ChatPool',
          Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true }],
        }),
      );
      const { UserPoolClient } = await cognito.send(
        new CreateUserPoolClientCommand({
          UserPoolId: UserPool!.Id!,
          ClientName: 'chatapp',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      );
      poolArn = UserPool!.Arn!;
      const clientId = UserPoolClient!.ClientId!;
      await cognito.send(
        new SignUpCommand({
          ClientId: clientId,
          Username: 'alice',
          Password: 'Passw0rd!',
          UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }],
        }),
      );
      await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: UserPool!.Id!, Username: 'alice' }));
      const auth = await cognito.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'alice', PASSWORD: 'Passw0rd!' },
        }),
      );
      idToken = auth.AuthenticationResult!.IdToken!;
      accessToken = auth.AuthenticationResult!.AccessToken!;
    });

    async function securedApi(authorizerResultTtlInSeconds?: number) {
      const api = await newApi();
      const authorizer = await apigw.send(
        new CreateAuthorizerCommand({
          restApiId: api.id,
          name: 'Cognito',
          type: 'COGNITO_USER_POOLS',
          providerARNs: [poolArn],
          identitySource: 'method.request.header.Authorization',
          authorizerResultTtlInSeconds,
        }),
      );
      const conversations = await resource(api.id, api.root, 'conversations');
      await proxyMethod(api.id, conversations, 'GET', 'Chat-Conversation-GET', { authorizerId: authorizer.id });
      await apigw.send(
        new PutGatewayResponseCommand({
          restApiId: api.id,
          responseType: 'DEFAULT_4XX',
          responseParameters: {
            'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
            'gatewayresponse.header.Access-Control-Allow-Headers': "'Content-Type,Authorization'",
          },
        }),
      );
      await deploy(api.id);
      return invokeUrl(api.id, 'prod', '/conversations');
    }

    it('refuses a missing or garbage token with 401 and never calls the function', async () => {
      const url = await securedApi();
      const missing = await fetch(url);
      expect(missing.status).toBe(401);
      expect(await missing.json()).toEqual({ message: 'Unauthorized' });
      expect(missing.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
      expect(missing.headers.get('access-control-allow-origin')).toBe('*');
      expect(missing.headers.get('access-control-allow-headers')).toBe('Content-Type,Authorization');

      const garbage = await fetch(url, { headers: { Authorization: 'not-a-token' } });
      expect(garbage.status).toBe(401);
      expect(await garbage.json()).toEqual({ message: 'Unauthorized' });
      expect(garbage.headers.get('access-control-allow-origin')).toBe('*');

      const forged = await fetch(url, { headers: { Authorization: `${idToken.slice(0, -4)}AAAA` } });
      expect(forged.status).toBe(401);
      // Without OAuth scopes on the method, only ID tokens are accepted.
      expect((await fetch(url, { headers: { Authorization: accessToken } })).status).toBe(401);
      expect(lambda.calls).toHaveLength(0);
    });

    it('lets a raw ID token in and hands its claims to the function', async () => {
      const url = await securedApi();
      const response = await fetch(url, { headers: { Authorization: idToken } });
      expect(response.status).toBe(200);
      const claims = lambda.event().requestContext.authorizer.claims;
      expect(claims['cognito:username']).toBe('alice');
      expect(claims.email).toBe('alice@example.com');
      expect(claims.token_use).toBe('id');
    });

    // Runs last in this block: it deletes the pool.
    it('keeps a verified token for the authorizer TTL (300 s unless set), and checks every request at TTL 0', async () => {
      const cached = await securedApi();
      const uncached = await securedApi(0);
      expect((await fetch(cached, { headers: { Authorization: idToken } })).status).toBe(200);
      expect((await fetch(uncached, { headers: { Authorization: idToken } })).status).toBe(200);
      await cognito.send(new DeleteUserPoolCommand({ UserPoolId: poolArn.split('/')[1]! }));
      const again = await fetch(cached, { headers: { Authorization: idToken } });
      expect(again.status).toBe(200);
      expect(lambda.event().requestContext.authorizer.claims['cognito:username']).toBe('alice');
      expect((await fetch(uncached, { headers: { Authorization: idToken } })).status).toBe(401);
      // The cache holds verified tokens only: another token is still checked.
      expect((await fetch(cached, { headers: { Authorization: accessToken } })).status).toBe(401);
    });
  });
});
