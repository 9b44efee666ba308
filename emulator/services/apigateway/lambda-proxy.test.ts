import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from '@aws-sdk/client-api-gateway';
import { AddPermissionCommand, CreateFunctionCommand, GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';

const HANDLER = `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' },
  body: JSON.stringify({ path: event.path, resource: event.resource, id: event.pathParameters && event.pathParameters.id, stage: event.requestContext.stage }),
});
`;

/** End to end through the real Lambda service; skipped while the local cloud runs without one. */
describe('API Gateway Lambda proxy with the Lambda service', () => {
  let cloud: TestCloud;
  let hasLambda = false;
  beforeAll(async () => {
    cloud = await startTestCloud();
    const health = (await (await fetch(`${cloud.url}/_emulator/health`)).json()) as { services: Record<string, unknown> };
    hasLambda = 'lambda' in health.services;
  });
  afterAll(async () => cloud.close());

  it('invokes the function once API Gateway may, and answers 500 before', async (ctx) => {
    if (!hasLambda) ctx.skip();
    const lambda = new LambdaClient(cloud.clientConfig);
    const apigw = new APIGatewayClient(cloud.clientConfig);
    const fn = await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'Chat-Proxy',
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Role: 'arn:aws:iam::000000000000:role/Lambda-Role-ChatApp',
        Code: { ZipFile: zipSync({ 'index.js': strToU8(HANDLER) }) },
      }),
    );
    for (let i = 0; i < 100; i++) {
      const state = (await lambda.send(new GetFunctionCommand({ FunctionName: 'Chat-Proxy' }))).Configuration?.State;
      if (state !== 'Pending') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const api = await apigw.send(new CreateRestApiCommand({ name: 'Chat-API' }));
    const conversations = await apigw.send(
      new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: 'conversations' }),
    );
    const id = await apigw.send(new CreateResourceCommand({ restApiId: api.id, parentId: conversations.id, pathPart: '{id}' }));
    await apigw.send(new PutMethodCommand({ restApiId: api.id, resourceId: id.id, httpMethod: 'GET', authorizationType: 'NONE' }));
    await apigw.send(
      new PutIntegrationCommand({
        restApiId: api.id,
        resourceId: id.id,
        httpMethod: 'GET',
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn.FunctionArn}/invocations`,
      }),
    );
    await apigw.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' }));
    const url = `${cloud.url}/restapis/${api.id}/prod/_user_request_/conversations/c-1`;

    const refused = await fetch(url);
    expect(refused.status).toBe(500);
    expect(await refused.json()).toEqual({ message: 'Internal server error' });

    await lambda.send(
      new AddPermissionCommand({
        FunctionName: 'Chat-Proxy',
        StatementId: 'apigateway',
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: `arn:aws:execute-api:us-east-1:000000000000:${api.id}/*/GET/conversations/*`,
      }),
    );
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({ path: '/conversations/c-1', resource: '/conversations/{id}', id: 'c-1', stage: 'prod' });
  });
});
