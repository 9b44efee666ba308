import {
  type APIGatewayClient,
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteMethodCommand,
  GetAuthorizersCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  PutGatewayResponseCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  type Resource,
  UpdateAuthorizerCommand,
} from '@aws-sdk/client-api-gateway';
import { isNamed } from '../progress.js';
import { CORS, ROUTES, STACK } from '../stack.js';
import type { Clients } from '../target.js';

export interface ApiOutputs {
  apiId: string;
  stage: string;
}

async function findApi(client: APIGatewayClient): Promise<string | undefined> {
  let position: string | undefined;
  do {
    const page = await client.send(new GetRestApisCommand({ limit: 500, position }));
    const api = page.items?.find((a) => a.name === STACK.api);
    if (api) return api.id;
    position = page.position;
  } while (position);
  return undefined;
}

async function allResources(client: APIGatewayClient, restApiId: string): Promise<Resource[]> {
  const resources: Resource[] = [];
  let position: string | undefined;
  do {
    const page = await client.send(new GetResourcesCommand({ restApiId, limit: 500, position }));
    resources.push(...(page.items ?? []));
    position = page.position;
  } while (position);
  return resources;
}

/** Creates every resource on the way to `path`, returning their ids by path. */
async function ensureResources(client: APIGatewayClient, restApiId: string, paths: string[]): Promise<Map<string, string>> {
  const byPath = new Map((await allResources(client, restApiId)).map((r) => [r.path!, r.id!]));
  for (const path of paths) {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const sub = `/${parts.slice(0, i).join('/')}`;
      if (byPath.has(sub)) continue;
      const parentPath = i === 1 ? '/' : `/${parts.slice(0, i - 1).join('/')}`;
      const created = await client.send(
        new CreateResourceCommand({ restApiId, parentId: byPath.get(parentPath)!, pathPart: parts[i - 1]! }),
      );
      byPath.set(sub, created.id!);
    }
  }
  return byPath;
}

async function ensureAuthorizer(client: APIGatewayClient, restApiId: string, userPoolArn: string): Promise<string> {
  const { items } = await client.send(new GetAuthorizersCommand({ restApiId }));
  const existing = items?.find((a) => a.name === STACK.authorizer);
  if (existing) {
    await client.send(
      new UpdateAuthorizerCommand({
        restApiId,
        authorizerId: existing.id!,
        patchOperations: [{ op: 'replace', path: '/providerARNs/0', value: userPoolArn }],
      }),
    );
    return existing.id!;
  }
  const created = await client.send(
    new CreateAuthorizerCommand({
      restApiId,
      name: STACK.authorizer,
      type: 'COGNITO_USER_POOLS',
      providerARNs: [userPoolArn],
      identitySource: 'method.request.header.Authorization',
    }),
  );
  return created.id!;
}

/** Puts a method afresh, so a re-run converges on the desired definition. */
async function replaceMethod(client: APIGatewayClient, input: ConstructorParameters<typeof PutMethodCommand>[0]): Promise<void> {
  try {
    await client.send(new DeleteMethodCommand({ restApiId: input.restApiId, resourceId: input.resourceId, httpMethod: input.httpMethod }));
  } catch (err) {
    if (!isNamed(err, 'NotFoundException')) throw err;
  }
  await client.send(new PutMethodCommand(input));
}

const corsHeaderValues = (methods: string) => ({
  'method.response.header.Access-Control-Allow-Origin': `'${CORS.allowOrigin}'`,
  'method.response.header.Access-Control-Allow-Headers': `'${CORS.allowHeaders}'`,
  'method.response.header.Access-Control-Allow-Methods': `'${methods}'`,
});

async function putCorsPreflight(client: APIGatewayClient, restApiId: string, resourceId: string, methods: string): Promise<void> {
  await replaceMethod(client, { restApiId, resourceId, httpMethod: 'OPTIONS', authorizationType: 'NONE' });
  await client.send(
    new PutIntegrationCommand({
      restApiId,
      resourceId,
      httpMethod: 'OPTIONS',
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
    }),
  );
  const headers = corsHeaderValues(methods);
  await client.send(
    new PutMethodResponseCommand({
      restApiId,
      resourceId,
      httpMethod: 'OPTIONS',
      statusCode: '200',
      responseParameters: Object.fromEntries(Object.keys(headers).map((h) => [h, false])),
      responseModels: { 'application/json': 'Empty' },
    }),
  );
  await client.send(
    new PutIntegrationResponseCommand({ restApiId, resourceId, httpMethod: 'OPTIONS', statusCode: '200', responseParameters: headers }),
  );
}

export interface ApiSettings {
  region: string;
  userPoolArn: string;
  functionArns: Record<string, string>;
}

/** REST API "Chat-API": resources, Cognito authorizer, Lambda proxy methods, CORS, deployment to stage prod. */
export async function ensureApi(clients: Clients, settings: ApiSettings): Promise<ApiOutputs> {
  const client = clients.apigateway;
  const restApiId =
    (await findApi(client)) ??
    (
      await client.send(
        new CreateRestApiCommand({
          name: STACK.api,
          description: 'Serverless chat',
          endpointConfiguration: { types: ['REGIONAL'] },
          tags: { [STACK.tag.key]: STACK.tag.value },
        }),
      )
    ).id!;
  const paths = [...new Set(ROUTES.map((r) => r.path))];
  const resourceIds = await ensureResources(client, restApiId, paths);
  const authorizerId = await ensureAuthorizer(client, restApiId, settings.userPoolArn);

  for (const route of ROUTES) {
    const resourceId = resourceIds.get(route.path)!;
    await replaceMethod(client, {
      restApiId,
      resourceId,
      httpMethod: route.method,
      authorizationType: 'COGNITO_USER_POOLS',
      authorizerId,
      requestParameters: route.path.includes('{id}') ? { 'method.request.path.id': true } : undefined,
    });
    const functionArn = settings.functionArns[route.function]!;
    await client.send(
      new PutIntegrationCommand({
        restApiId,
        resourceId,
        httpMethod: route.method,
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: `arn:aws:apigateway:${settings.region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`,
      }),
    );
  }
  for (const path of paths) {
    const methods = ROUTES.filter((r) => r.path === path).map((r) => r.method);
    await putCorsPreflight(client, restApiId, resourceIds.get(path)!, [...methods, 'OPTIONS'].join(','));
  }
  for (const responseType of ['DEFAULT_4XX', 'DEFAULT_5XX'] as const) {
    await client.send(
      new PutGatewayResponseCommand({
        restApiId,
        responseType,
        responseParameters: {
          'gatewayresponse.header.Access-Control-Allow-Origin': `'${CORS.allowOrigin}'`,
          'gatewayresponse.header.Access-Control-Allow-Headers': `'${CORS.allowHeaders}'`,
        },
      }),
    );
  }
  await client.send(
    new CreateDeploymentCommand({ restApiId, stageName: STACK.stage, description: `Deployed ${new Date().toISOString()}` }),
  );
  return { apiId: restApiId, stage: STACK.stage };
}
