import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  APIGatewayClient,
  ConflictException,
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateModelCommand,
  CreateRequestValidatorCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  DeleteDeploymentCommand,
  DeleteMethodCommand,
  DeleteResourceCommand,
  DeleteRestApiCommand,
  DeleteStageCommand,
  GetDeploymentsCommand,
  GetGatewayResponseCommand,
  GetGatewayResponsesCommand,
  GetIntegrationCommand,
  GetIntegrationResponseCommand,
  GetMethodCommand,
  GetMethodResponseCommand,
  GetModelsCommand,
  GetRequestValidatorsCommand,
  GetResourceCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetStageCommand,
  GetStagesCommand,
  GetTagsCommand,
  NotFoundException,
  PutGatewayResponseCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  TagResourceCommand,
  UpdateAuthorizerCommand,
  UpdateMethodCommand,
  UpdateRestApiCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';

const LAMBDA_URI =
  'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:fn/invocations';

async function error(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

describe('API Gateway control plane', () => {
  let cloud: TestCloud;
  let apigw: APIGatewayClient;
  beforeAll(async () => {
    cloud = await startTestCloud({ persist: true });
    apigw = new APIGatewayClient(cloud.clientConfig);
  });
  afterAll(async () => cloud.close());

  it('creates, lists, updates and deletes REST APIs', async () => {
    const api = await apigw.send(new CreateRestApiCommand({ name: 'Chat-API', description: 'chat' }));
    expect(api.id).toMatch(/^[a-z0-9]{10}$/);
    expect(api.rootResourceId).toMatch(/^[a-z0-9]{10}$/);
    expect(api.createdDate).toBeInstanceOf(Date);
    expect(api).toMatchObject({
      name: 'Chat-API',
      apiKeySource: 'HEADER',
      endpointConfiguration: { types: ['EDGE'] },
      disableExecuteApiEndpoint: false,
    });
    const got = await apigw.send(new GetRestApiCommand({ restApiId: api.id }));
    expect(got.name).toBe('Chat-API');
    const second = await apigw.send(new CreateRestApiCommand({ name: 'Other' }));
    const page = await apigw.send(new GetRestApisCommand({ limit: 1 }));
    expect(page.items).toHaveLength(1);
    expect(page.position).toBeDefined();
    const rest = await apigw.send(new GetRestApisCommand({ limit: 500, position: page.position }));
    expect(rest.position).toBeUndefined();
    expect([...page.items!, ...rest.items!].map((a) => a.id)).toEqual(expect.arrayContaining([api.id, second.id]));

    const updated = await apigw.send(
      new UpdateRestApiCommand({
        restApiId: api.id,
        patchOperations: [
          { op: 'replace', path: '/name', value: 'Renamed' },
          { op: 'add', path: '/binaryMediaTypes/image~1png', value: '' },
        ],
      }),
    );
    expect(updated).toMatchObject({ name: 'Renamed', binaryMediaTypes: ['image/png'] });
    expect(
      await error(apigw.send(new UpdateRestApiCommand({ restApiId: api.id, patchOperations: [{ op: 'add', path: '/binaryMediaTypes' }] }))),
    ).toMatchObject({
      name: 'BadRequestException',
      message: 'Invalid patch path /binaryMediaTypes',
    });

    await apigw.send(new DeleteRestApiCommand({ restApiId: second.id }));
    const missing = await error(apigw.send(new GetRestApiCommand({ restApiId: second.id })));
    expect(missing).toEqual({
      name: 'NotFoundException',
      message: `Invalid API identifier specified 000000000000:${second.id}`,
      status: 404,
    });
    expect(await error(apigw.send(new CreateRestApiCommand({ name: 'x', description: '' })))).toMatchObject({
      name: 'BadRequestException',
      message: 'Description cannot be an empty string',
    });
  });

  it('builds resources with variables and greedy paths, with AWS conflicts', async () => {
    const api = await apigw.send(new CreateRestApiCommand({ name: 'tree' }));
    const root = api.rootResourceId!;
    const conversations = await apigw.send(new CreateResourceCommand({ restApiId: api.id, parentId: root, pathPart: 'conversations' }));
    expect(conversations).toMatchObject({ parentId: root, pathPart: 'conversations', path: '/conversations' });
    const id = await apigw.send(new CreateResourceCommand({ restApiId: api.id, parentId: conversations.id, pathPart: '{id}' }));
    expect(id.path).toBe('/conversations/{id}');
    const proxy = await apigw.send(new CreateResourceCommand({ restApiId: api.id, parentId: root, pathPart: '{proxy+}' }));

    expect(await error(apigw.send(new CreateResourceCommand({ restApiId: api.id, parentId: root, pathPart: 'conversations' })))).toEqual({
      name: 'ConflictException',
      message: 'Another resource with the same parent already has this name: conversations',
      status: 409,
    });
    expect(
      await error(apigw.send(new CreateResourceCommand({ restApiId: api.id, parentId: conversations.id, pathPart: '{other}' }))),
    ).toMatchObject({
      name: 'BadRequestException',
      message: 'A sibling ({id}) of this resource already has a variable path part -- only one is allowed',
    });
    expect(await error(apigw.send(new CreateResourceCommand({ restApiId: api.id, parentId: proxy.id, pathPart: 'child' })))).toMatchObject({
      name: 'BadRequestException',
      message: 'Cannot create a child of a resource with a greedy path variable: {proxy+}',
    });
    expect(await error(apigw.send(new CreateResourceCommand({ restApiId: api.id, parentId: 'nope', pathPart: 'x' })))).toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid Resource identifier specified',
    });

    await apigw.send(new PutMethodCommand({ restApiId: api.id, resourceId: id.id, httpMethod: 'GET', authorizationType: 'NONE' }));
    const listed = await apigw.send(new GetResourcesCommand({ restApiId: api.id }));
    expect(listed.items!.map((r) => r.path)).toEqual(['/', '/conversations', '/conversations/{id}', '/{proxy+}']);
    expect(listed.items!.find((r) => r.id === id.id)!.resourceMethods).toEqual({ GET: {} });
    const embedded = await apigw.send(new GetResourcesCommand({ restApiId: api.id, embed: ['methods'] }));
    expect(embedded.items!.find((r) => r.id === id.id)!.resourceMethods!.GET).toMatchObject({
      httpMethod: 'GET',
      authorizationType: 'NONE',
    });

    await apigw.send(new DeleteResourceCommand({ restApiId: api.id, resourceId: conversations.id }));
    expect(await error(apigw.send(new GetResourceCommand({ restApiId: api.id, resourceId: id.id })))).toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid Resource identifier specified',
    });
  });

  it('puts methods, integrations and their responses', async () => {
    const api = await apigw.send(new CreateRestApiCommand({ name: 'methods' }));
    const root = api.rootResourceId!;
    const users = await apigw.send(new CreateResourceCommand({ restApiId: api.id, parentId: root, pathPart: 'users' }));
    const resource = { restApiId: api.id, resourceId: users.id };

    const authorizer = await apigw.send(
      new CreateAuthorizerCommand({
        restApiId: api.id,
        name: 'Cognito',
        type: 'COGNITO_USER_POOLS',
        providerARNs: ['arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_abc'],
        identitySource: 'method.request.header.Authorization',
      }),
    );
    expect(authorizer).toMatchObject({ name: 'Cognito', type: 'COGNITO_USER_POOLS', authorizerResultTtlInSeconds: 300 });
    const otherPool = 'arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_other';
    const repointed = await apigw.send(
      new UpdateAuthorizerCommand({
        restApiId: api.id,
        authorizerId: authorizer.id,
        patchOperations: [{ op: 'replace', path: '/providerARNs/0', value: otherPool }],
      }),
    );
    expect(repointed.providerARNs).toEqual([otherPool]);

    expect(
      await error(apigw.send(new PutMethodCommand({ ...resource, httpMethod: 'GET', authorizationType: 'COGNITO_USER_POOLS' }))),
    ).toMatchObject({
      name: 'BadRequestException',
      message:
        'Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.',
    });
    const method = await apigw.send(
      new PutMethodCommand({ ...resource, httpMethod: 'GET', authorizationType: 'COGNITO_USER_POOLS', authorizerId: authorizer.id }),
    );
    expect(method).toMatchObject({
      httpMethod: 'GET',
      authorizationType: 'COGNITO_USER_POOLS',
      authorizerId: authorizer.id,
      apiKeyRequired: false,
    });
    const again = await error(apigw.send(new PutMethodCommand({ ...resource, httpMethod: 'GET', authorizationType: 'NONE' })));
    expect(again).toEqual({ name: 'ConflictException', message: 'Method already exists for this resource', status: 409 });
    expect(await error(apigw.send(new PutMethodCommand({ ...resource, httpMethod: 'FETCH', authorizationType: 'NONE' })))).toMatchObject({
      message: 'Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY',
    });
    expect(await error(apigw.send(new GetMethodCommand({ ...resource, httpMethod: 'POST' })))).toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid Method identifier specified',
    });
    expect(await error(apigw.send(new GetIntegrationCommand({ ...resource, httpMethod: 'GET' })))).toMatchObject({
      message: 'Invalid Integration identifier specified',
    });

    expect(
      await error(apigw.send(new PutIntegrationCommand({ ...resource, httpMethod: 'GET', type: 'AWS_PROXY', uri: LAMBDA_URI }))),
    ).toMatchObject({ name: 'BadRequestException', message: 'Enumeration value for HttpMethod must be non-empty' });
    const integration = await apigw.send(
      new PutIntegrationCommand({ ...resource, httpMethod: 'GET', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: LAMBDA_URI }),
    );
    expect(integration).toMatchObject({
      type: 'AWS_PROXY',
      httpMethod: 'POST',
      uri: LAMBDA_URI,
      passthroughBehavior: 'WHEN_NO_MATCH',
      timeoutInMillis: 29000,
      cacheNamespace: users.id,
      cacheKeyParameters: [],
    });

    await apigw.send(new PutMethodCommand({ ...resource, httpMethod: 'OPTIONS', authorizationType: 'NONE' }));
    const mock = await apigw.send(
      new PutIntegrationCommand({
        ...resource,
        httpMethod: 'OPTIONS',
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
      }),
    );
    expect(mock.uri).toBeUndefined();
    expect(mock.httpMethod).toBeUndefined();
    await apigw.send(
      new PutMethodResponseCommand({
        ...resource,
        httpMethod: 'OPTIONS',
        statusCode: '200',
        responseParameters: { 'method.response.header.Access-Control-Allow-Origin': true },
      }),
    );
    const ir = await apigw.send(
      new PutIntegrationResponseCommand({
        ...resource,
        httpMethod: 'OPTIONS',
        statusCode: '200',
        selectionPattern: '',
        responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" },
      }),
    );
    expect(ir).toMatchObject({ statusCode: '200', selectionPattern: '' });
    expect(
      (await apigw.send(new GetMethodResponseCommand({ ...resource, httpMethod: 'OPTIONS', statusCode: '200' }))).responseParameters,
    ).toEqual({
      'method.response.header.Access-Control-Allow-Origin': true,
    });
    expect(
      (await apigw.send(new GetIntegrationResponseCommand({ ...resource, httpMethod: 'OPTIONS', statusCode: '200' }))).responseParameters,
    ).toEqual({
      'method.response.header.Access-Control-Allow-Origin': "'*'",
    });
    expect(
      await error(apigw.send(new GetIntegrationResponseCommand({ ...resource, httpMethod: 'OPTIONS', statusCode: '400' }))),
    ).toMatchObject({
      message: 'Invalid Response status code specified',
    });
    const full = await apigw.send(new GetMethodCommand({ ...resource, httpMethod: 'OPTIONS' }));
    expect(full.methodIntegration!.integrationResponses!['200']!.statusCode).toBe('200');
    expect(full.methodResponses!['200']!.statusCode).toBe('200');

    const patched = await apigw.send(
      new UpdateMethodCommand({
        ...resource,
        httpMethod: 'OPTIONS',
        patchOperations: [{ op: 'add', path: '/requestParameters/method.request.header.Origin', value: 'true' }],
      }),
    );
    expect(patched.requestParameters).toEqual({ 'method.request.header.Origin': true });
    await apigw.send(new DeleteMethodCommand({ ...resource, httpMethod: 'OPTIONS' }));
    expect(await error(apigw.send(new GetMethodCommand({ ...resource, httpMethod: 'OPTIONS' })))).toMatchObject({
      name: 'NotFoundException',
    });
  });

  it('keeps models, validators and gateway responses', async () => {
    const api = await apigw.send(new CreateRestApiCommand({ name: 'extras' }));
    const schema = JSON.stringify({ type: 'array', items: { type: 'string' } });
    await apigw.send(new CreateModelCommand({ restApiId: api.id, name: 'UserList', contentType: 'application/json', schema }));
    const models = await apigw.send(new GetModelsCommand({ restApiId: api.id }));
    expect(models.items!.map((m) => m.name)).toEqual(['Empty', 'Error', 'UserList']);
    expect(models.items!.find((m) => m.name === 'UserList')!.schema).toBe(schema);
    expect(
      await error(apigw.send(new CreateModelCommand({ restApiId: api.id, name: 'UserList', contentType: 'application/json', schema }))),
    ).toMatchObject({ name: 'ConflictException', message: 'Model name already exists for this REST API' });

    const validator = await apigw.send(new CreateRequestValidatorCommand({ restApiId: api.id, name: 'body', validateRequestBody: true }));
    expect(validator).toMatchObject({ name: 'body', validateRequestBody: true, validateRequestParameters: false });
    expect((await apigw.send(new GetRequestValidatorsCommand({ restApiId: api.id }))).items).toHaveLength(1);

    const defaults = await apigw.send(new GetGatewayResponsesCommand({ restApiId: api.id }));
    expect(defaults.items).toHaveLength(21);
    expect(defaults.items!.find((r) => r.responseType === 'UNAUTHORIZED')).toEqual({
      defaultResponse: true,
      responseParameters: {},
      responseTemplates: { 'application/json': '{"message":$context.error.messageString}' },
      responseType: 'UNAUTHORIZED',
      statusCode: '401',
    });
    await apigw.send(
      new PutGatewayResponseCommand({
        restApiId: api.id,
        responseType: 'DEFAULT_4XX',
        responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
      }),
    );
    const unauthorized = await apigw.send(new GetGatewayResponseCommand({ restApiId: api.id, responseType: 'UNAUTHORIZED' }));
    expect(unauthorized).toMatchObject({
      defaultResponse: true,
      statusCode: '401',
      responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
    });
    expect(await error(apigw.send(new GetGatewayResponseCommand({ restApiId: api.id, responseType: 'NOPE' as never })))).toMatchObject({
      name: 'ValidationException',
    });
  });

  it('deploys to stages and manages stage variables and tags', async () => {
    const api = await apigw.send(new CreateRestApiCommand({ name: 'deploy' }));
    expect(await error(apigw.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' })))).toMatchObject({
      name: 'BadRequestException',
      message: "The REST API doesn't contain any methods",
    });
    const resource = { restApiId: api.id, resourceId: api.rootResourceId };
    await apigw.send(new PutMethodCommand({ ...resource, httpMethod: 'GET', authorizationType: 'NONE' }));
    expect(await error(apigw.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' })))).toMatchObject({
      message: 'No integration defined for method',
    });
    await apigw.send(new PutIntegrationCommand({ ...resource, httpMethod: 'GET', type: 'MOCK' }));
    const deployment = await apigw.send(
      new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod', variables: { alias: 'live' } }),
    );
    expect(deployment.id).toMatch(/^[a-z0-9]{6}$/);
    const stage = await apigw.send(new GetStageCommand({ restApiId: api.id, stageName: 'prod' }));
    expect(stage).toMatchObject({
      stageName: 'prod',
      deploymentId: deployment.id,
      variables: { alias: 'live' },
      cacheClusterStatus: 'NOT_AVAILABLE',
    });
    expect(await error(apigw.send(new CreateStageCommand({ restApiId: api.id, stageName: 'prod', deploymentId: deployment.id })))).toEqual({
      name: 'ConflictException',
      message: 'Stage already exists',
      status: 409,
    });
    await apigw.send(new CreateStageCommand({ restApiId: api.id, stageName: 'dev', deploymentId: deployment.id }));
    expect((await apigw.send(new GetStagesCommand({ restApiId: api.id }))).item!.map((s) => s.stageName)).toEqual(['dev', 'prod']);

    const updated = await apigw.send(
      new UpdateStageCommand({
        restApiId: api.id,
        stageName: 'prod',
        patchOperations: [
          { op: 'replace', path: '/variables/alias', value: 'beta' },
          { op: 'replace', path: '/*/*/logging/loglevel', value: 'INFO' },
        ],
      }),
    );
    expect(updated.variables).toEqual({ alias: 'beta' });
    expect(updated.methodSettings!['*/*']!.loggingLevel).toBe('INFO');
    expect(
      await error(
        apigw.send(
          new UpdateStageCommand({
            restApiId: api.id,
            stageName: 'prod',
            patchOperations: [{ op: 'replace', path: '/deploymentId', value: 'nope' }],
          }),
        ),
      ),
    ).toMatchObject({ message: 'Deployment id does not exist' });

    expect(await error(apigw.send(new DeleteDeploymentCommand({ restApiId: api.id, deploymentId: deployment.id })))).toMatchObject({
      message: 'Active stages pointing to this deployment must be moved or deleted',
    });
    expect((await apigw.send(new GetDeploymentsCommand({ restApiId: api.id }))).items).toHaveLength(1);

    const arn = `arn:aws:apigateway:us-east-1::/restapis/${api.id}/stages/prod`;
    await apigw.send(new TagResourceCommand({ resourceArn: arn, tags: { team: 'chat' } }));
    expect((await apigw.send(new GetTagsCommand({ resourceArn: arn }))).tags).toEqual({ team: 'chat' });

    await apigw.send(new DeleteStageCommand({ restApiId: api.id, stageName: 'dev' }));
    const gone = await error(apigw.send(new GetStageCommand({ restApiId: api.id, stageName: 'dev' })));
    expect(gone).toMatchObject({ name: 'NotFoundException', message: 'Invalid stage identifier specified' });
  });

  it('keeps APIs and deployments across a restart and serves them again', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'apigateway-'));
    try {
      let first = await startTestCloud({ stateDir });
      let client = new APIGatewayClient(first.clientConfig);
      const api = await client.send(new CreateRestApiCommand({ name: 'durable' }));
      const resource = { restApiId: api.id, resourceId: api.rootResourceId };
      await client.send(new PutMethodCommand({ ...resource, httpMethod: 'GET', authorizationType: 'NONE' }));
      await client.send(
        new PutIntegrationCommand({
          ...resource,
          httpMethod: 'GET',
          type: 'MOCK',
          requestTemplates: { 'application/json': '{"statusCode": 200}' },
        }),
      );
      await client.send(new PutMethodResponseCommand({ ...resource, httpMethod: 'GET', statusCode: '200' }));
      await client.send(
        new PutIntegrationResponseCommand({
          ...resource,
          httpMethod: 'GET',
          statusCode: '200',
          responseTemplates: { 'application/json': '{"ok":true}' },
        }),
      );
      await client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' }));
      await first.close();

      first = await startTestCloud({ stateDir });
      client = new APIGatewayClient(first.clientConfig);
      expect((await client.send(new GetRestApiCommand({ restApiId: api.id }))).name).toBe('durable');
      const response = await fetch(`${first.url}/restapis/${api.id}/prod/_user_request_/`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
      await first.close();
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  it('answers typed SDK exceptions', async () => {
    await expect(apigw.send(new GetRestApiCommand({ restApiId: 'abcdefghij' }))).rejects.toBeInstanceOf(NotFoundException);
    const api = await apigw.send(new CreateRestApiCommand({ name: 'typed' }));
    await apigw.send(new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: 'a' }));
    await expect(
      apigw.send(new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: 'a' })),
    ).rejects.toBeInstanceOf(ConflictException);
  });
});
