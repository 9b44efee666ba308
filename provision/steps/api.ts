import {
  type APIGatewayClient,
  ConflictException,
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateModelCommand,
  CreateRequestValidatorCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteMethodCommand,
  GetAuthorizersCommand,
  GetRequestValidatorsCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  PutGatewayResponseCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  type Resource,
  UpdateAuthorizerCommand,
  UpdateModelCommand,
} from '@aws-sdk/client-api-gateway';
import { MODELS } from '../api-models.js';
import { isNamed } from '../progress.js';
import { CORS, ERROR_STATUSES, type ModelName, ROUTES, type RouteSpec, STACK } from '../stack.js';
import type { Clients } from '../target.js';

export interface ApiOutputs {
  apiId: string;
  stage: string;
  stages: string[];
}

export interface ApiSettings {
  region: string;
  account: string;
  userPoolArn: string;
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

/** Creates every resource on the way to each path, returning their ids by path. */
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

async function ensureModels(client: APIGatewayClient, restApiId: string): Promise<void> {
  for (const [name, schema] of Object.entries(MODELS)) {
    try {
      await client.send(new CreateModelCommand({ restApiId, name, contentType: 'application/json', schema: JSON.stringify(schema) }));
    } catch (err) {
      if (!(err instanceof ConflictException) && !isNamed(err, 'ConflictException')) throw err;
      await client.send(
        new UpdateModelCommand({
          restApiId,
          modelName: name,
          patchOperations: [{ op: 'replace', path: '/schema', value: JSON.stringify(schema) }],
        }),
      );
    }
  }
}

async function ensureBodyValidator(client: APIGatewayClient, restApiId: string): Promise<string> {
  const { items } = await client.send(new GetRequestValidatorsCommand({ restApiId }));
  const existing = items?.find((v) => v.name === STACK.bodyValidator);
  if (existing) return existing.id!;
  const created = await client.send(
    new CreateRequestValidatorCommand({ restApiId, name: STACK.bodyValidator, validateRequestBody: true, validateRequestParameters: true }),
  );
  return created.id!;
}

function requestParameters(route: RouteSpec): Record<string, boolean> | undefined {
  const parameters: Record<string, boolean> = {};
  if (route.path.includes('{id}')) parameters['method.request.path.id'] = true;
  for (const name of route.query ?? []) parameters[`method.request.querystring.${name}`] = false;
  return Object.keys(parameters).length ? parameters : undefined;
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

const ALLOW_ORIGIN = 'method.response.header.Access-Control-Allow-Origin';

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
  const headers = {
    [ALLOW_ORIGIN]: `'${CORS.allowOrigin}'`,
    'method.response.header.Access-Control-Allow-Headers': `'${CORS.allowHeaders}'`,
    'method.response.header.Access-Control-Allow-Methods': `'${methods}'`,
  };
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

/** The Lambda behind a route, through the alias its stage names: `...:function:NAME:${stageVariables.alias}`. */
function integrationUri(settings: ApiSettings, functionName: string): string {
  const functionArn = `arn:aws:lambda:${settings.region}:${settings.account}:function:${functionName}:\${stageVariables.${STACK.aliasVariable}}`;
  return `arn:aws:apigateway:${settings.region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
}

/** The function reports an error status as `[403] {"message": "..."}`: the JSON after the prefix is the body. */
const ERROR_BODY_TEMPLATE = "$input.path('$.errorMessage').substring(6)";
/** Any other failure (a crash, a timeout) becomes a plain 500. */
const UNEXPECTED_ERROR_PATTERN = `^(?!\\[(?:${ERROR_STATUSES.join('|')})\\] )[\\s\\S]+`;

async function putMappingIntegration(
  client: APIGatewayClient,
  ids: { restApiId: string; resourceId: string },
  route: Extract<RouteSpec, { mode: 'mapping' }>,
  uri: string,
): Promise<void> {
  const base = { ...ids, httpMethod: route.method };
  await client.send(
    new PutIntegrationCommand({
      ...base,
      type: 'AWS',
      integrationHttpMethod: 'POST',
      uri,
      passthroughBehavior: 'NEVER',
      requestTemplates: { 'application/json': route.template },
    }),
  );
  const responses: Array<{ status: string; model?: ModelName | 'Empty' | 'Error'; pattern?: string; template: string }> = [
    {
      status: route.successStatus,
      model: route.successStatus === '204' ? 'Empty' : route.responseModel,
      template: route.successStatus === '204' ? '#set($nothing = "")' : "$input.json('$')",
    },
    ...ERROR_STATUSES.map((status) => ({ status, model: 'Error' as const, pattern: `^\\[${status}\\] .*`, template: ERROR_BODY_TEMPLATE })),
    { status: '500', model: 'Error', pattern: UNEXPECTED_ERROR_PATTERN, template: '{"message": "Internal server error"}' },
  ];
  for (const response of responses) {
    await client.send(
      new PutMethodResponseCommand({
        ...base,
        statusCode: response.status,
        responseParameters: { [ALLOW_ORIGIN]: false },
        responseModels: response.model ? { 'application/json': response.model } : undefined,
      }),
    );
    await client.send(
      new PutIntegrationResponseCommand({
        ...base,
        statusCode: response.status,
        selectionPattern: response.pattern,
        responseParameters: { [ALLOW_ORIGIN]: `'${CORS.allowOrigin}'` },
        responseTemplates: { 'application/json': response.template },
      }),
    );
  }
}

/**
 * REST API "Chat-API": resources, models, a body validator, the Cognito authorizer, mapping-mode
 * routes and one proxy route, CORS, and deployments to stage prod (alias live) and dev (alias dev).
 */
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
  await ensureModels(client, restApiId);
  const validatorId = await ensureBodyValidator(client, restApiId);
  const authorizerId = await ensureAuthorizer(client, restApiId, settings.userPoolArn);

  for (const route of ROUTES) {
    const resourceId = resourceIds.get(route.path)!;
    const mapping = route.mode === 'mapping' ? route : undefined;
    await replaceMethod(client, {
      restApiId,
      resourceId,
      httpMethod: route.method,
      authorizationType: 'COGNITO_USER_POOLS',
      authorizerId,
      requestParameters: requestParameters(route),
      requestModels: mapping?.requestModel ? { 'application/json': mapping.requestModel } : undefined,
      requestValidatorId: mapping?.requestModel ? validatorId : undefined,
    });
    const uri = integrationUri(settings, route.function);
    if (mapping) {
      await putMappingIntegration(client, { restApiId, resourceId }, mapping, uri);
    } else {
      await client.send(
        new PutIntegrationCommand({
          restApiId,
          resourceId,
          httpMethod: route.method,
          type: 'AWS_PROXY',
          integrationHttpMethod: 'POST',
          uri,
        }),
      );
    }
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
  const description = `Deployed ${new Date().toISOString()}`;
  for (const [stageName, alias] of Object.entries(STACK.stages)) {
    await client.send(new CreateDeploymentCommand({ restApiId, stageName, description, variables: { [STACK.aliasVariable]: alias } }));
  }
  return { apiId: restApiId, stage: STACK.stage, stages: Object.keys(STACK.stages) };
}
