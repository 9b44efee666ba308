import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import {
  AddPermissionCommand,
  CreateAliasCommand,
  CreateFunctionCommand,
  GetFunctionCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from '../../../test/local-cloud.js';

const handler = (version: string) => `exports.handler = async (event) => {
  if (event.message === 'fail') throw new Error('[400] {"message": "Messages cannot say fail"}');
  if (event.message === 'crash') throw new Error('something unexpected');
  return { version: '${version}', caller: event.cognitoUsername, id: event.id, message: event.message };
};
`;
const zip = (version: string) => zipSync({ 'index.js': strToU8(handler(version)) });

/** End to end through the real Lambda service; skipped while the local cloud runs without one. */
describe('API Gateway mapping mode with the Lambda service', () => {
  let cloud: TestCloud;
  let hasLambda = false;
  beforeAll(async () => {
    cloud = await startTestCloud();
    const health = (await (await fetch(`${cloud.url}/_emulator/health`)).json()) as { services: Record<string, unknown> };
    hasLambda = 'lambda' in health.services;
  });
  afterAll(async () => cloud.close());

  it('invokes the alias a stage variable names with the mapped event and maps its errors by selection pattern', async (ctx) => {
    if (!hasLambda) ctx.skip();
    const lambda = new LambdaClient(cloud.clientConfig);
    const apigw = new APIGatewayClient(cloud.clientConfig);
    const waitReady = async () => {
      for (let i = 0; i < 100; i++) {
        const config = (await lambda.send(new GetFunctionCommand({ FunctionName: 'Chat-Messages-POST' }))).Configuration;
        if (config?.State !== 'Pending' && config?.LastUpdateStatus !== 'InProgress') return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'Chat-Messages-POST',
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Role: 'arn:aws:iam::000000000000:role/Lambda-Role-ChatApp',
        Code: { ZipFile: zip('one') },
      }),
    );
    await waitReady();
    const v1 = await lambda.send(new PublishVersionCommand({ FunctionName: 'Chat-Messages-POST' }));
    await lambda.send(new CreateAliasCommand({ FunctionName: 'Chat-Messages-POST', Name: 'live', FunctionVersion: v1.Version }));
    // $LATEST moves on; the stage keeps serving the alias.
    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'Chat-Messages-POST', ZipFile: zip('two') }));
    await waitReady();

    const api = await apigw.send(new CreateRestApiCommand({ name: 'Chat-API' }));
    const conversations = await apigw.send(
      new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: 'conversations' }),
    );
    const id = await apigw.send(new CreateResourceCommand({ restApiId: api.id, parentId: conversations.id, pathPart: '{id}' }));
    const base = { restApiId: api.id, resourceId: id.id, httpMethod: 'POST' };
    await apigw.send(new PutMethodCommand({ ...base, authorizationType: 'NONE' }));
    await apigw.send(
      new PutIntegrationCommand({
        ...base,
        type: 'AWS',
        integrationHttpMethod: 'POST',
        uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:Chat-Messages-POST:\${stageVariables.alias}/invocations`,
        passthroughBehavior: 'NEVER',
        requestTemplates: { 'application/json': `{"cognitoUsername": "alice", "id": "$input.params('id')", "message": $input.json('$')}` },
      }),
    );
    for (const [status, pattern, template] of [
      ['200', undefined, "$input.json('$')"],
      ['400', '^\\[400\\] .*', "$input.path('$.errorMessage').substring(6)"],
      ['500', '^(?!\\[400\\] )[\\s\\S]+', '{"message": "Internal server error"}'],
    ] as const) {
      await apigw.send(new PutMethodResponseCommand({ ...base, statusCode: status }));
      await apigw.send(
        new PutIntegrationResponseCommand({
          ...base,
          statusCode: status,
          selectionPattern: pattern,
          responseTemplates: { 'application/json': template },
        }),
      );
    }
    await apigw.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod', variables: { alias: 'live' } }));
    await lambda.send(
      new AddPermissionCommand({
        FunctionName: 'Chat-Messages-POST',
        Qualifier: 'live',
        StatementId: 'apigateway',
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: `arn:aws:execute-api:us-east-1:000000000000:${api.id}/*/POST/conversations/*`,
      }),
    );
    const url = `${cloud.url}/restapis/${api.id}/prod/_user_request_/conversations/c-1`;
    const send = (message: string) =>
      fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message) });

    const ok = await send('hi "there"');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ version: 'one', caller: 'alice', id: 'c-1', message: 'hi "there"' });

    const refused = await send('fail');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ message: 'Messages cannot say fail' });

    const crashed = await send('crash');
    expect(crashed.status).toBe(500);
    expect(await crashed.json()).toEqual({ message: 'Internal server error' });
  });
});
