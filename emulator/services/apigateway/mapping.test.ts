import {
  APIGatewayClient,
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateModelCommand,
  CreateRequestValidatorCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetExportCommand,
  GetModelCommand,
  GetStageCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  TestInvokeMethodCommand,
  UpdateIntegrationCommand,
  UpdateModelCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type RecordingCloud, RecordingLambda, RecordingMetrics, startRecordingCloud } from './test-cloud.js';

const ACCOUNT = '000000000000';
const functionArn = (fn: string) => `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${fn}`;
const lambdaUri = (fn: string) => `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${functionArn(fn)}/invocations`;
// biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's own stage variable syntax
const ALIASED_FUNCTION = 'Chat-Messages-GET:${stageVariables.alias}';

/** The course's request template, with the body through $input.json so a quote cannot break the JSON. */
const MESSAGE_TEMPLATE = `{"cognitoUsername": "$context.authorizer.claims['cognito:username']", "id": "$input.params('id')", "message": $input.json('$')}`;
/** `[400] text` → `{"message": "text"}`, undoing escapeJavaScript's \\' as AWS's documentation advises. */
const ERROR_TEMPLATE = `#set($msg = $input.path('$.errorMessage').replaceFirst('^\\[\\d+\\] ', ''))
{"message": "$util.escapeJavaScript($msg).replaceAll("\\\\'", "'")"}`;
const CORS = { 'method.response.header.Access-Control-Allow-Origin': "'*'" };

describe('API Gateway mapping mode (non-proxy Lambda integrations)', () => {
  const lambda = new RecordingLambda();
  const metrics = new RecordingMetrics();
  let cloud: RecordingCloud;
  let apigw: APIGatewayClient;
  let poolArn: string;
  let idToken: string;
  const invokeUrl = (apiId: string, path: string, stage = 'prod') => `${cloud.url}/restapis/${apiId}/${stage}/_user_request_${path}`;

  beforeAll(async () => {
    cloud = await startRecordingCloud([lambda, metrics]);
    apigw = new APIGatewayClient(cloud.clientConfig);
    const cognito = new CognitoIdentityProviderClient(cloud.clientConfig);
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
    await cognito.send(
      new SignUpCommand({
        ClientId: UserPoolClient!.ClientId!,
        Username: 'alice',
        Password: 'Passw0rd!',
        UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }],
      }),
    );
    await cognito.send(new AdminConfirmSignUpCommand({ UserPoolId: UserPool!.Id!, Username: 'alice' }));
    const auth = await cognito.send(
      new InitiateAuthCommand({
        ClientId: UserPoolClient!.ClientId!,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'alice', PASSWORD: 'Passw0rd!' },
      }),
    );
    idToken = auth.AuthenticationResult!.IdToken!;
  });
  afterAll(async () => cloud.close());
  beforeEach(() => {
    lambda.calls = [];
    lambda.answer = () => ({ payload: Buffer.from('null') });
    metrics.data = [];
  });

  /** The chat API's message resource in mapping mode: GET (alias by stage variable) and POST (validated, 204). */
  async function chatApi() {
    const api = await apigw.send(new CreateRestApiCommand({ name: 'Chat-API', description: 'Serverless chat' }));
    const restApiId = api.id!;
    const authorizer = await apigw.send(
      new CreateAuthorizerCommand({
        restApiId,
        name: 'Cognito',
        type: 'COGNITO_USER_POOLS',
        providerARNs: [poolArn],
        identitySource: 'method.request.header.Authorization',
      }),
    );
    await apigw.send(
      new CreateModelCommand({
        restApiId,
        name: 'NewMessage',
        contentType: 'application/json',
        schema: JSON.stringify({ $schema: 'http://json-schema.org/draft-04/schema#', title: 'NewMessage', type: 'string' }),
      }),
    );
    await apigw.send(
      new CreateModelCommand({
        restApiId,
        name: 'Message',
        contentType: 'application/json',
        schema: JSON.stringify({
          type: 'object',
          required: ['sender', 'time', 'message'],
          properties: { sender: { type: 'string' }, time: { type: 'number' }, message: { type: 'string' } },
        }),
      }),
    );
    await apigw.send(
      new CreateModelCommand({
        restApiId,
        name: 'Conversation',
        contentType: 'application/json',
        schema: JSON.stringify({
          type: 'object',
          properties: {
            id: { type: 'string' },
            participants: { type: 'array', items: { type: 'string' } },
            messages: { type: 'array', items: { $ref: `https://apigateway.amazonaws.com/restapis/${restApiId}/models/Message` } },
          },
        }),
      }),
    );
    const validator = await apigw.send(
      new CreateRequestValidatorCommand({
        restApiId,
        name: 'Validate body and parameters',
        validateRequestBody: true,
        validateRequestParameters: true,
      }),
    );
    const conversations = await apigw.send(
      new CreateResourceCommand({ restApiId, parentId: api.rootResourceId, pathPart: 'conversations' }),
    );
    const id = (await apigw.send(new CreateResourceCommand({ restApiId, parentId: conversations.id, pathPart: '{id}' }))).id!;
    const secured = { restApiId, resourceId: id, authorizationType: 'COGNITO_USER_POOLS', authorizerId: authorizer.id };

    await apigw.send(
      new PutMethodCommand({
        ...secured,
        httpMethod: 'GET',
        requestParameters: { 'method.request.path.id': true },
        requestValidatorId: validator.id,
      }),
    );
    await apigw.send(
      new PutIntegrationCommand({
        restApiId,
        resourceId: id,
        httpMethod: 'GET',
        type: 'AWS',
        integrationHttpMethod: 'POST',
        uri: lambdaUri(ALIASED_FUNCTION),
        requestTemplates: {
          'application/json': `{"cognitoUsername": "$context.authorizer.claims['cognito:username']", "id": "$input.params('id')"}`,
        },
        passthroughBehavior: 'WHEN_NO_TEMPLATES',
      }),
    );
    await apigw.send(
      new PutMethodResponseCommand({
        restApiId,
        resourceId: id,
        httpMethod: 'GET',
        statusCode: '200',
        responseModels: { 'application/json': 'Conversation' },
        responseParameters: {
          'method.response.header.Access-Control-Allow-Origin': true,
          'method.response.header.X-Version': true,
          'method.response.header.X-Conversation': true,
        },
      }),
    );
    await apigw.send(
      new PutIntegrationResponseCommand({
        restApiId,
        resourceId: id,
        httpMethod: 'GET',
        statusCode: '200',
        responseParameters: {
          ...CORS,
          'method.response.header.X-Version': 'integration.response.header.X-Amz-Executed-Version',
          'method.response.header.X-Conversation': 'integration.response.body.id',
        },
      }),
    );

    await apigw.send(
      new PutMethodCommand({
        ...secured,
        httpMethod: 'POST',
        requestParameters: { 'method.request.path.id': true },
        requestModels: { 'application/json': 'NewMessage' },
        requestValidatorId: validator.id,
      }),
    );
    await apigw.send(
      new PutIntegrationCommand({
        restApiId,
        resourceId: id,
        httpMethod: 'POST',
        type: 'AWS',
        integrationHttpMethod: 'POST',
        uri: lambdaUri('Chat-Messages-POST'),
        requestTemplates: { 'application/json': MESSAGE_TEMPLATE },
        passthroughBehavior: 'WHEN_NO_TEMPLATES',
      }),
    );
    for (const status of ['204', '400', '403']) {
      await apigw.send(
        new PutMethodResponseCommand({
          restApiId,
          resourceId: id,
          httpMethod: 'POST',
          statusCode: status,
          responseParameters: { 'method.response.header.Access-Control-Allow-Origin': true },
          ...(status === '204' ? {} : { responseModels: { 'application/json': 'Error' } }),
        }),
      );
    }
    await apigw.send(
      new PutIntegrationResponseCommand({ restApiId, resourceId: id, httpMethod: 'POST', statusCode: '204', responseParameters: CORS }),
    );
    for (const status of ['400', '403']) {
      await apigw.send(
        new PutIntegrationResponseCommand({
          restApiId,
          resourceId: id,
          httpMethod: 'POST',
          statusCode: status,
          selectionPattern: `^\\[${status}\\].*`,
          responseParameters: CORS,
          responseTemplates: { 'application/json': ERROR_TEMPLATE },
        }),
      );
    }
    await apigw.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod', variables: { alias: 'live' } }));
    return { restApiId, resourceId: id };
  }

  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: idToken, ...headers }, body });

  it('maps the request through the template, invokes the Lambda with it and answers the 204 method response', async () => {
    const { restApiId } = await chatApi();
    const response = await post(invokeUrl(restApiId, '/conversations/c-1'), JSON.stringify('He said "hi"\nand left'));
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(lambda.calls).toHaveLength(1);
    expect(lambda.calls[0]!.functionName).toBe(functionArn('Chat-Messages-POST'));
    expect(lambda.calls[0]!.sourceArn).toBe(`arn:aws:execute-api:us-east-1:${ACCOUNT}:${restApiId}/prod/POST/conversations/{id}`);
    expect(lambda.event()).toEqual({ cognitoUsername: 'alice', id: 'c-1', message: 'He said "hi"\nand left' });
  });

  it('invokes the alias a stage variable names and passes the result through, with headers mapped from the answer', async () => {
    const { restApiId } = await chatApi();
    lambda.answer = () => ({
      payload: Buffer.from(JSON.stringify({ id: 'c-1', participants: ['alice', 'bob'], last: 5, messages: [] })),
      executedVersion: '3',
    });
    const response = await fetch(invokeUrl(restApiId, '/conversations/c-1'), { headers: { Authorization: idToken } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-version')).toBe('3');
    expect(response.headers.get('x-conversation')).toBe('c-1');
    expect(await response.json()).toEqual({ id: 'c-1', participants: ['alice', 'bob'], last: 5, messages: [] });
    expect(lambda.calls[0]!.functionName).toBe(functionArn('Chat-Messages-GET:live'));
    expect(lambda.event()).toEqual({ cognitoUsername: 'alice', id: 'c-1' });

    await apigw.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [{ op: 'replace', path: '/variables/alias', value: 'next' }],
      }),
    );
    await fetch(invokeUrl(restApiId, '/conversations/c-1'), { headers: { Authorization: idToken } });
    expect(lambda.calls[1]!.functionName).toBe(functionArn('Chat-Messages-GET:next'));
  });

  it('maps [400] and [403] function errors by selection pattern to their status and message; others take the default response', async () => {
    const { restApiId } = await chatApi();
    const url = invokeUrl(restApiId, '/conversations/c-1');
    const fail = (message: string) => () => ({
      functionError: 'Unhandled',
      payload: Buffer.from(JSON.stringify({ errorType: 'Error', errorMessage: message, trace: ['Error: x', '    at y'] })),
    });

    lambda.answer = fail("[400] Don't send an empty message");
    let response = await post(url, JSON.stringify('x'));
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({ message: "Don't send an empty message" });

    lambda.answer = fail('[403] alice is not a participant of c-1');
    response = await post(url, JSON.stringify('x'));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'alice is not a participant of c-1' });

    // The pattern must match the whole message: a [400] further in does not count.
    lambda.answer = fail('boom [400]');
    response = await post(url, JSON.stringify('x'));
    expect(response.status).toBe(204);
  });

  it('refuses a body that does not match the model with 400 and never invokes the Lambda', async () => {
    const { restApiId } = await chatApi();
    const url = invokeUrl(restApiId, '/conversations/c-1');
    for (const body of ['{"message": "not a string"}', '42', 'not json']) {
      const response = await post(url, body);
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('BadRequestException');
      expect(await response.json()).toEqual({ message: 'Invalid request body' });
    }
    expect(lambda.calls).toHaveLength(0);
  });

  it('refuses a request without a required parameter with 400, naming it', async () => {
    const { restApiId, resourceId } = await chatApi();
    await apigw.send(
      new UpdateIntegrationCommand({
        restApiId,
        resourceId,
        httpMethod: 'GET',
        patchOperations: [{ op: 'replace', path: '/passthroughBehavior', value: 'WHEN_NO_MATCH' }],
      }),
    );
    const { UpdateMethodCommand } = await import('@aws-sdk/client-api-gateway');
    await apigw.send(
      new UpdateMethodCommand({
        restApiId,
        resourceId,
        httpMethod: 'GET',
        patchOperations: [
          { op: 'add', path: '/requestParameters/method.request.querystring.since', value: 'true' },
          { op: 'add', path: '/requestParameters/method.request.header.X-Client', value: 'true' },
        ],
      }),
    );
    await apigw.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
    const response = await fetch(invokeUrl(restApiId, '/conversations/c-1'), { headers: { Authorization: idToken } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'Missing required request parameters: [X-Client, since]' });
    const ok = await fetch(`${invokeUrl(restApiId, '/conversations/c-1')}?since=5`, {
      headers: { Authorization: idToken, 'X-Client': 'web' },
    });
    expect(ok.status).toBe(200);
    expect(lambda.calls).toHaveLength(1);
  });

  it('answers 415 when no template matches the Content-Type and passthrough is WHEN_NO_TEMPLATES or NEVER', async () => {
    const { restApiId, resourceId } = await chatApi();
    const url = invokeUrl(restApiId, '/conversations/c-1');
    let response = await post(url, '"hi"', { 'Content-Type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(response.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    expect(await response.json()).toEqual({ message: 'Unsupported Media Type' });
    await apigw.send(
      new UpdateIntegrationCommand({
        restApiId,
        resourceId,
        httpMethod: 'POST',
        patchOperations: [{ op: 'replace', path: '/passthroughBehavior', value: 'WHEN_NO_MATCH' }],
      }),
    );
    await apigw.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }));
    response = await post(url, '"hi"', { 'Content-Type': 'text/plain' });
    expect(response.status).toBe(204);
    // Passed through unmapped.
    expect(lambda.calls.at(-1)!.payload.toString()).toBe('"hi"');
    expect(lambda.calls).toHaveLength(1);
  });

  it('resolves $ref between models when validating', async () => {
    const { restApiId } = await chatApi();
    const api = await apigw.send(new CreateRestApiCommand({ name: 'Refs' }));
    const id = api.id!;
    await apigw.send(
      new CreateModelCommand({
        restApiId: id,
        name: 'Username',
        contentType: 'application/json',
        schema: '{"type":"string","minLength":1}',
      }),
    );
    await apigw.send(
      new CreateModelCommand({
        restApiId: id,
        name: 'NewConversation',
        contentType: 'application/json',
        schema: JSON.stringify({
          type: 'array',
          minItems: 1,
          items: { $ref: `https://apigateway.amazonaws.com/restapis/${id}/models/Username` },
        }),
      }),
    );
    const flat = await apigw.send(new GetModelCommand({ restApiId: id, modelName: 'NewConversation', flatten: true }));
    expect(JSON.parse(flat.schema!)).toEqual({ type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } });
    const validator = await apigw.send(new CreateRequestValidatorCommand({ restApiId: id, name: 'body', validateRequestBody: true }));
    const conversations = await apigw.send(
      new CreateResourceCommand({ restApiId: id, parentId: api.rootResourceId, pathPart: 'conversations' }),
    );
    const base = { restApiId: id, resourceId: conversations.id, httpMethod: 'POST' };
    await apigw.send(
      new PutMethodCommand({
        ...base,
        authorizationType: 'NONE',
        requestModels: { 'application/json': 'NewConversation' },
        requestValidatorId: validator.id,
      }),
    );
    await apigw.send(
      new PutIntegrationCommand({
        ...base,
        type: 'AWS',
        integrationHttpMethod: 'POST',
        uri: lambdaUri('Chat-Conversation-POST'),
        requestTemplates: { 'application/json': `{"users": $input.json('$')}` },
      }),
    );
    await apigw.send(new PutMethodResponseCommand({ ...base, statusCode: '200' }));
    await apigw.send(new PutIntegrationResponseCommand({ ...base, statusCode: '200' }));
    await apigw.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'prod' }));
    lambda.answer = () => ({ payload: Buffer.from('"c-9"') });
    const url = invokeUrl(id, '/conversations');
    const json = { 'Content-Type': 'application/json' };
    expect((await fetch(url, { method: 'POST', headers: json, body: '["bob", ""]' })).status).toBe(400);
    expect((await fetch(url, { method: 'POST', headers: json, body: '[]' })).status).toBe(400);
    const ok = await fetch(url, { method: 'POST', headers: json, body: '["bob"]' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toBe('c-9');
    expect(lambda.event()).toEqual({ users: ['bob'] });
    expect(restApiId).not.toBe(id);
  });

  it('renders VTL in MOCK integrations, selecting the response by the status the request template gives', async () => {
    const api = await apigw.send(new CreateRestApiCommand({ name: 'Mock' }));
    const base = { restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'GET' };
    await apigw.send(new PutMethodCommand({ ...base, authorizationType: 'NONE' }));
    await apigw.send(
      new PutIntegrationCommand({
        ...base,
        type: 'MOCK',
        requestTemplates: { 'application/json': '#if($input.params(\'fail\') == "yes"){"statusCode": 503}#{else}{"statusCode": 200}#end' },
      }),
    );
    for (const status of ['200', '503']) {
      await apigw.send(
        new PutMethodResponseCommand({ ...base, statusCode: status, responseParameters: { 'method.response.header.X-Stage': true } }),
      );
    }
    await apigw.send(
      new PutIntegrationResponseCommand({
        ...base,
        statusCode: '200',
        responseParameters: { 'method.response.header.X-Stage': 'context.stage' },
        responseTemplates: {
          'application/json': '{"stage": "$context.stage", "alias": "$stageVariables.alias", "requestId": "$context.requestId"}',
        },
      }),
    );
    await apigw.send(new PutIntegrationResponseCommand({ ...base, statusCode: '503', selectionPattern: '5\\d\\d' }));
    await apigw.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'beta', variables: { alias: 'next' } }));
    const response = await fetch(invokeUrl(api.id!, '/', 'beta'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-stage')).toBe('beta');
    const body = (await response.json()) as Record<string, string>;
    expect(body).toEqual({ stage: 'beta', alias: 'next', requestId: response.headers.get('x-amzn-requestid') });
    expect((await fetch(`${invokeUrl(api.id!, '/', 'beta')}?fail=yes`)).status).toBe(503);
  });

  it('records AWS/ApiGateway metrics by API name and by API name and stage', async () => {
    const { restApiId } = await chatApi();
    await post(invokeUrl(restApiId, '/conversations/c-1'), '"hi"');
    await post(invokeUrl(restApiId, '/conversations/c-1'), '42');
    const byStage = metrics.data.filter((d) => d.dimensions.Stage === 'prod');
    const byApi = metrics.data.filter((d) => d.dimensions.Stage === undefined);
    expect(new Set(metrics.data.map((d) => d.namespace))).toEqual(new Set(['AWS/ApiGateway']));
    expect(byApi.every((d) => d.dimensions.ApiName === 'Chat-API')).toBe(true);
    const sum = (data: typeof metrics.data, name: string) => data.filter((d) => d.name === name).reduce((n, d) => n + d.value, 0);
    expect(sum(byStage, 'Count')).toBe(2);
    expect(sum(byApi, 'Count')).toBe(2);
    expect(sum(byStage, '4XXError')).toBe(1);
    expect(sum(byStage, '5XXError')).toBe(0);
    expect(byStage.filter((d) => d.name === 'Latency')).toHaveLength(2);
    // Only the request that reached the Lambda has an integration latency.
    expect(byStage.filter((d) => d.name === 'IntegrationLatency')).toHaveLength(1);
    expect(byStage.find((d) => d.name === 'Latency')!.unit).toBe('Milliseconds');
  });

  it('TestInvokeMethod runs the current definition without the authorizer and answers the execution log', async () => {
    const { restApiId, resourceId } = await chatApi();
    lambda.answer = () => ({
      functionError: 'Unhandled',
      payload: Buffer.from(JSON.stringify({ errorType: 'Error', errorMessage: '[403] alice is not a participant' })),
    });
    const result = await apigw.send(
      new TestInvokeMethodCommand({
        restApiId,
        resourceId,
        httpMethod: 'POST',
        pathWithQueryString: '/conversations/c-7?x=1',
        body: '"hello"',
        headers: { 'Content-Type': 'application/json' },
        stageVariables: { alias: 'test' },
      }),
    );
    expect(result.status).toBe(403);
    expect(JSON.parse(result.body!)).toEqual({ message: 'alice is not a participant' });
    expect(result.headers!['Access-Control-Allow-Origin']).toBe('*');
    expect(result.multiValueHeaders!['Access-Control-Allow-Origin']).toEqual(['*']);
    expect(typeof result.latency).toBe('number');
    // No authorizer ran: the claims are absent, the template renders them as nothing.
    expect(lambda.event()).toEqual({ cognitoUsername: '', id: 'c-7', message: 'hello' });
    expect(lambda.calls[0]!.sourceArn).toBe(
      `arn:aws:execute-api:us-east-1:${ACCOUNT}:${restApiId}/test-invoke-stage/POST/conversations/{id}`,
    );
    const log = result.log!;
    expect(log).toMatch(/^Execution log for request [0-9a-f-]{36}\n/);
    const lines = log.trim().split('\n').slice(1);
    expect(lines.every((l) => /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d UTC \d{4} : /.test(l))).toBe(true);
    const messages = lines.map((l) => l.replace(/^.*? UTC \d{4} : /, ''));
    expect(messages[0]).toMatch(/^Starting execution for request: [0-9a-f-]{36}$/);
    expect(messages).toContain('HTTP Method: POST, Resource Path: /conversations/c-7');
    expect(messages).toContain('Method request path: {id=c-7}');
    expect(messages).toContain('Method request query string: {x=1}');
    expect(messages).toContain('Method request body before transformations: "hello"');
    expect(messages).toContain(
      `Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/${functionArn('Chat-Messages-POST')}/invocations`,
    );
    expect(messages).toContain('Endpoint request body after transformations: {"cognitoUsername": "", "id": "c-7", "message": "hello"}');
    expect(messages).toContain('Lambda execution failed with status 200 due to customer function error: [403] alice is not a participant.');
    expect(messages).toContain('Method response body after transformations: {"message": "alice is not a participant"}');
    expect(messages.at(-1)).toBe('Method completed with status: 403');

    const invalid = await apigw.send(
      new TestInvokeMethodCommand({ restApiId, resourceId, httpMethod: 'POST', pathWithQueryString: '/conversations/c-7', body: '42' }),
    );
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body!)).toEqual({ message: 'Invalid request body' });
    expect(invalid.log).toMatch(/Request body does not match model schema for content type application\/json: /);
    expect(invalid.log).toMatch(/Method completed with status: 400\n$/);
    expect(lambda.calls).toHaveLength(1);
  });

  it('exports the deployed stage as OpenAPI 3.0 (JSON) and Swagger 2.0 (YAML) with the API Gateway extensions', async () => {
    const { restApiId } = await chatApi();
    const oas = await apigw.send(
      new GetExportCommand({
        restApiId,
        stageName: 'prod',
        exportType: 'oas30',
        accepts: 'application/json',
        parameters: { extensions: 'apigateway' },
      }),
    );
    expect(oas.contentType).toBe('application/json');
    const text0 = Buffer.from(oas.body!).toString('utf8');
    // Printed as AWS's exports are: `"key" : value`, arrays on one line.
    expect(text0).toMatch(/^\{\n {2}"openapi" : "3\.0\.1",\n {2}"info" : \{\n {4}"title" : "Chat-API",/);
    const doc = JSON.parse(text0);
    expect(doc.openapi).toBe('3.0.1');
    expect(doc.info.title).toBe('Chat-API');
    expect(doc.info.description).toBe('Serverless chat');
    expect(doc.info.version).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(doc.servers).toEqual([
      { url: `https://${restApiId}.execute-api.us-east-1.amazonaws.com/{basePath}`, variables: { basePath: { default: '/prod' } } },
    ]);
    const post = doc.paths['/conversations/{id}'].post;
    expect(post.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(post.requestBody).toEqual({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/NewMessage' } } },
      required: true,
    });
    expect(post.responses['204']).toEqual({
      description: '204 response',
      headers: { 'Access-Control-Allow-Origin': { schema: { type: 'string' } } },
      content: {},
    });
    expect(post.responses['400'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(post.security).toEqual([{ Cognito: [] }]);
    expect(post['x-amazon-apigateway-request-validator']).toBe('Validate body and parameters');
    expect(post['x-amazon-apigateway-integration']).toEqual({
      type: 'aws',
      httpMethod: 'POST',
      uri: lambdaUri('Chat-Messages-POST'),
      responses: {
        default: { statusCode: '204', responseParameters: CORS },
        '^\\[400\\].*': { statusCode: '400', responseParameters: CORS, responseTemplates: { 'application/json': ERROR_TEMPLATE } },
        '^\\[403\\].*': { statusCode: '403', responseParameters: CORS, responseTemplates: { 'application/json': ERROR_TEMPLATE } },
      },
      requestTemplates: { 'application/json': MESSAGE_TEMPLATE },
      passthroughBehavior: 'when_no_templates',
    });
    expect(doc.paths['/conversations/{id}'].get['x-amazon-apigateway-integration'].uri).toBe(lambdaUri(ALIASED_FUNCTION));
    expect(Object.keys(doc.components.schemas).sort()).toEqual(['Conversation', 'Error', 'Message', 'NewMessage']);
    expect(doc.components.schemas.NewMessage).toEqual({ title: 'NewMessage', type: 'string' });
    expect(doc.components.schemas.Conversation.properties.messages.items).toEqual({ $ref: '#/components/schemas/Message' });
    expect(doc.components.securitySchemes.Cognito).toEqual({
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'cognito_user_pools',
      'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs: [poolArn] },
    });
    // A document OpenAPI tooling reads (the app generates its client types from it).
    expect(astToString(await openapiTS(doc, { rootTypes: true }))).toMatch(/NewMessage: string;/);
    expect(doc['x-amazon-apigateway-request-validators']).toEqual({
      'Validate body and parameters': { validateRequestBody: true, validateRequestParameters: true },
    });

    const swagger = await apigw.send(
      new GetExportCommand({
        restApiId,
        stageName: 'prod',
        exportType: 'swagger',
        accepts: 'application/yaml',
        parameters: { extensions: 'integrations' },
      }),
    );
    expect(swagger.contentType).toBe('application/yaml');
    const text = Buffer.from(swagger.body!).toString('utf8');
    expect(text).toMatch(/^swagger: "2.0"\n/);
    const yamlDoc = parseYaml(text);
    expect(yamlDoc.host).toBe(`${restApiId}.execute-api.us-east-1.amazonaws.com`);
    expect(yamlDoc.basePath).toBe('/prod');
    expect(yamlDoc.schemes).toEqual(['https']);
    const swaggerPost = yamlDoc.paths['/conversations/{id}'].post;
    expect(swaggerPost.consumes).toEqual(['application/json']);
    expect(swaggerPost.parameters).toEqual([
      { name: 'id', in: 'path', required: true, type: 'string' },
      { in: 'body', name: 'NewMessage', required: true, schema: { $ref: '#/definitions/NewMessage' } },
    ]);
    expect(swaggerPost.responses['400']).toEqual({
      description: '400 response',
      schema: { $ref: '#/definitions/Error' },
      headers: { 'Access-Control-Allow-Origin': { type: 'string' } },
    });
    expect(swaggerPost['x-amazon-apigateway-integration'].requestTemplates['application/json']).toBe(MESSAGE_TEMPLATE);
    expect(swaggerPost['x-amazon-apigateway-request-validator']).toBeUndefined();
    // Without the authorizers extension the scheme carries no x-amazon-apigateway-authorizer.
    expect(yamlDoc.securityDefinitions.Cognito).toEqual({ type: 'apiKey', name: 'Authorization', in: 'header' });
    expect(yamlDoc.definitions.Message.required).toEqual(['sender', 'time', 'message']);

    // Without extensions: no integrations.
    const plain = await apigw.send(new GetExportCommand({ restApiId, stageName: 'prod', exportType: 'oas30' }));
    const plainDoc = JSON.parse(Buffer.from(plain.body!).toString('utf8'));
    expect(plainDoc.paths['/conversations/{id}'].post['x-amazon-apigateway-integration']).toBeUndefined();
    await expect(apigw.send(new GetExportCommand({ restApiId, stageName: 'nope', exportType: 'oas30' }))).rejects.toMatchObject({
      name: 'NotFoundException',
    });
  });

  it('UpdateStage moves a stage between deployments and patches its variables and settings', async () => {
    const { restApiId } = await chatApi();
    const first = (await apigw.send(new GetStageCommand({ restApiId, stageName: 'prod' }))).deploymentId!;
    const second = await apigw.send(new CreateDeploymentCommand({ restApiId, description: 'second' }));
    const updated = await apigw.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [
          { op: 'replace', path: '/deploymentId', value: second.id },
          { op: 'replace', path: '/description', value: 'Production' },
          { op: 'add', path: '/variables/table', value: 'Chat-Messages' },
          { op: 'replace', path: '/variables/alias', value: 'dev' },
          { op: 'replace', path: '/tracingEnabled', value: 'true' },
          { op: 'replace', path: '/accessLogSettings/destinationArn', value: 'arn:aws:logs:us-east-1:000000000000:log-group:api' },
          { op: 'replace', path: '/accessLogSettings/format', value: '$context.requestId' },
          { op: 'replace', path: '/~1conversations~1{id}/POST/metrics/enabled', value: 'true' },
        ],
      }),
    );
    expect(updated).toMatchObject({
      deploymentId: second.id,
      description: 'Production',
      variables: { alias: 'dev', table: 'Chat-Messages' },
      tracingEnabled: true,
      accessLogSettings: { destinationArn: 'arn:aws:logs:us-east-1:000000000000:log-group:api', format: '$context.requestId' },
    });
    expect(updated.methodSettings!['conversations/{id}/POST']!.metricsEnabled).toBe(true);
    await fetch(invokeUrl(restApiId, '/conversations/c-1'), { headers: { Authorization: idToken } });
    expect(lambda.calls.at(-1)!.functionName).toBe(functionArn('Chat-Messages-GET:dev'));

    const removed = await apigw.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [
          { op: 'remove', path: '/variables/table' },
          { op: 'remove', path: '/accessLogSettings' },
          { op: 'replace', path: '/deploymentId', value: first },
        ],
      }),
    );
    expect(removed.variables).toEqual({ alias: 'dev' });
    expect(removed.accessLogSettings).toBeUndefined();
    expect(removed.deploymentId).toBe(first);
    await expect(
      apigw.send(
        new UpdateStageCommand({ restApiId, stageName: 'prod', patchOperations: [{ op: 'replace', path: '/nothing', value: 'x' }] }),
      ),
    ).rejects.toMatchObject({ name: 'BadRequestException', message: 'Invalid patch path /nothing' });
  });

  it('refuses model schemas that are not JSON objects or use unsupported keywords', async () => {
    const api = await apigw.send(new CreateRestApiCommand({ name: 'Models' }));
    const create = (schema: string) =>
      apigw.send(new CreateModelCommand({ restApiId: api.id, name: 'M', contentType: 'application/json', schema }));
    await expect(create('{not json')).rejects.toMatchObject({
      name: 'BadRequestException',
      message: 'Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified]',
    });
    await expect(create('{"type":"object","properties":{"a":{"type":"string","example":"x"}}}')).rejects.toMatchObject({
      name: 'BadRequestException',
      message:
        'Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified. Unsupported keyword(s): ["example"]]',
    });
    await create('{"type":"object","properties":{"example":{"type":"string"}}}');
    await expect(
      apigw.send(
        new UpdateModelCommand({ restApiId: api.id, modelName: 'M', patchOperations: [{ op: 'replace', path: '/schema', value: '[1]' }] }),
      ),
    ).rejects.toMatchObject({ name: 'BadRequestException' });
  });
});
