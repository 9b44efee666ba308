import type { GetExportCommandInput, PutIntegrationCommandInput } from '@aws-sdk/client-api-gateway';
import type { RestRoute } from '../../protocols/rest-json.js';
import type { ApiGatewayContext } from './operations/context.js';
import { type OperationName, operations } from './operations/index.js';

interface RouteOptions {
  query?: Record<string, string>;
  status?: number;
}

/** List outputs name their array `items` in the SDK but `item` on the wire (the member's jsonName). */
function wireNames(output: unknown): unknown {
  if (!output || typeof output !== 'object' || !('items' in output)) return output;
  const { items, ...rest } = output as { items: unknown };
  return { item: items, ...rest };
}

function route(method: string, path: string, operation: OperationName, options: RouteOptions = {}): RestRoute<ApiGatewayContext> {
  const op = operations[operation] as RestRoute<ApiGatewayContext>['handler'];
  return { method, path, operation, ...options, handler: async (input, ctx) => wireNames(await op(input, ctx)) };
}

/**
 * PutIntegration's body names the integration's own method `httpMethod`, the same name as the
 * path label; the label is read under another name so the body cannot overwrite it.
 */
function putIntegrationRoute(): RestRoute<ApiGatewayContext> {
  return {
    method: 'PUT',
    path: '/restapis/{restApiId}/resources/{resourceId}/methods/{requestHttpMethod}/integration',
    operation: 'PutIntegration',
    status: 201,
    handler: ({ requestHttpMethod, httpMethod, ...rest }: Record<string, any>, ctx: ApiGatewayContext) =>
      operations.PutIntegration(
        { ...rest, httpMethod: requestHttpMethod, integrationHttpMethod: httpMethod } as PutIntegrationCommandInput,
        ctx,
      ),
  };
}

/**
 * GetExport's `parameters` map is the whole query string (only `extensions` means something for
 * oas30/swagger) and `accepts` is the Accept header.
 */
function getExportRoute(): RestRoute<ApiGatewayContext> {
  return {
    method: 'GET',
    path: '/restapis/{restApiId}/stages/{stageName}/exports/{exportType}',
    operation: 'GetExport',
    query: { extensions: 'extensions' },
    headers: { accept: 'accepts' },
    handler: ({ extensions, ...rest }: Record<string, any>, ctx: ApiGatewayContext) =>
      operations.GetExport(
        { ...rest, parameters: extensions === undefined ? {} : { extensions: [extensions].flat().join(',') } } as GetExportCommandInput,
        ctx,
      ),
  };
}

/** The restJson1 routes of the API Gateway control plane (paths as in @aws-sdk/client-api-gateway). */
export const ROUTES: RestRoute<ApiGatewayContext>[] = [
  putIntegrationRoute(),
  getExportRoute(),
  route('POST', '/restapis/{restApiId}/authorizers', 'CreateAuthorizer', { status: 201 }),
  route('POST', '/restapis/{restApiId}/deployments', 'CreateDeployment', { status: 201 }),
  route('POST', '/restapis/{restApiId}/models', 'CreateModel', { status: 201 }),
  route('POST', '/restapis/{restApiId}/requestvalidators', 'CreateRequestValidator', { status: 201 }),
  route('POST', '/restapis/{restApiId}/resources/{parentId}', 'CreateResource', { status: 201 }),
  route('POST', '/restapis', 'CreateRestApi', { status: 201 }),
  route('POST', '/restapis/{restApiId}/stages', 'CreateStage', { status: 201 }),
  route('DELETE', '/restapis/{restApiId}/authorizers/{authorizerId}', 'DeleteAuthorizer', { status: 202 }),
  route('DELETE', '/restapis/{restApiId}/deployments/{deploymentId}', 'DeleteDeployment', { status: 202 }),
  route('DELETE', '/restapis/{restApiId}/gatewayresponses/{responseType}', 'DeleteGatewayResponse', { status: 202 }),
  route('DELETE', '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration', 'DeleteIntegration', { status: 204 }),
  route(
    'DELETE',
    '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration/responses/{statusCode}',
    'DeleteIntegrationResponse',
    { status: 204 },
  ),
  route('DELETE', '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}', 'DeleteMethod', { status: 204 }),
  route('DELETE', '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/responses/{statusCode}', 'DeleteMethodResponse', {
    status: 204,
  }),
  route('DELETE', '/restapis/{restApiId}/models/{modelName}', 'DeleteModel', { status: 202 }),
  route('DELETE', '/restapis/{restApiId}/requestvalidators/{requestValidatorId}', 'DeleteRequestValidator', { status: 202 }),
  route('DELETE', '/restapis/{restApiId}/resources/{resourceId}', 'DeleteResource', { status: 202 }),
  route('DELETE', '/restapis/{restApiId}', 'DeleteRestApi', { status: 202 }),
  route('DELETE', '/restapis/{restApiId}/stages/{stageName}', 'DeleteStage', { status: 202 }),
  route('GET', '/account', 'GetAccount'),
  route('GET', '/restapis/{restApiId}/authorizers/{authorizerId}', 'GetAuthorizer'),
  route('GET', '/restapis/{restApiId}/authorizers', 'GetAuthorizers', { query: { position: 'position', limit: 'limit' } }),
  route('GET', '/restapis/{restApiId}/deployments/{deploymentId}', 'GetDeployment', { query: { embed: 'embed' } }),
  route('GET', '/restapis/{restApiId}/deployments', 'GetDeployments', { query: { position: 'position', limit: 'limit' } }),
  route('GET', '/restapis/{restApiId}/gatewayresponses/{responseType}', 'GetGatewayResponse'),
  route('GET', '/restapis/{restApiId}/gatewayresponses', 'GetGatewayResponses', { query: { position: 'position', limit: 'limit' } }),
  route('GET', '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration', 'GetIntegration'),
  route(
    'GET',
    '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration/responses/{statusCode}',
    'GetIntegrationResponse',
  ),
  route('GET', '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}', 'GetMethod'),
  route('GET', '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/responses/{statusCode}', 'GetMethodResponse'),
  route('GET', '/restapis/{restApiId}/models/{modelName}', 'GetModel', { query: { flatten: 'flatten' } }),
  route('GET', '/restapis/{restApiId}/models', 'GetModels', { query: { position: 'position', limit: 'limit' } }),
  route('GET', '/restapis/{restApiId}/requestvalidators/{requestValidatorId}', 'GetRequestValidator'),
  route('GET', '/restapis/{restApiId}/requestvalidators', 'GetRequestValidators', { query: { position: 'position', limit: 'limit' } }),
  route('GET', '/restapis/{restApiId}/resources/{resourceId}', 'GetResource', { query: { embed: 'embed' } }),
  route('GET', '/restapis/{restApiId}/resources', 'GetResources', { query: { position: 'position', limit: 'limit', embed: 'embed' } }),
  route('GET', '/restapis/{restApiId}', 'GetRestApi'),
  route('GET', '/restapis', 'GetRestApis', { query: { position: 'position', limit: 'limit' } }),
  route('GET', '/restapis/{restApiId}/stages/{stageName}', 'GetStage'),
  route('GET', '/restapis/{restApiId}/stages', 'GetStages', { query: { deploymentId: 'deploymentId' } }),
  route('GET', '/tags/{resourceArn}', 'GetTags', { query: { position: 'position', limit: 'limit' } }),
  route('PUT', '/restapis/{restApiId}/gatewayresponses/{responseType}', 'PutGatewayResponse', { status: 201 }),
  route(
    'PUT',
    '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration/responses/{statusCode}',
    'PutIntegrationResponse',
    { status: 201 },
  ),
  route('PUT', '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}', 'PutMethod', { status: 201 }),
  route('PUT', '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/responses/{statusCode}', 'PutMethodResponse', {
    status: 201,
  }),
  route('PUT', '/tags/{resourceArn}', 'TagResource', { status: 204 }),
  route('POST', '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}', 'TestInvokeMethod'),
  route('DELETE', '/tags/{resourceArn}', 'UntagResource', { query: { tagKeys: 'tagKeys' }, status: 204 }),
  route('PATCH', '/account', 'UpdateAccount'),
  route('PATCH', '/restapis/{restApiId}/authorizers/{authorizerId}', 'UpdateAuthorizer'),
  route('PATCH', '/restapis/{restApiId}/deployments/{deploymentId}', 'UpdateDeployment'),
  route('PATCH', '/restapis/{restApiId}/gatewayresponses/{responseType}', 'UpdateGatewayResponse'),
  route('PATCH', '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration', 'UpdateIntegration'),
  route(
    'PATCH',
    '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/integration/responses/{statusCode}',
    'UpdateIntegrationResponse',
  ),
  route('PATCH', '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}', 'UpdateMethod'),
  route('PATCH', '/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}/responses/{statusCode}', 'UpdateMethodResponse', {
    status: 201,
  }),
  route('PATCH', '/restapis/{restApiId}/models/{modelName}', 'UpdateModel'),
  route('PATCH', '/restapis/{restApiId}/requestvalidators/{requestValidatorId}', 'UpdateRequestValidator'),
  route('PATCH', '/restapis/{restApiId}/resources/{resourceId}', 'UpdateResource'),
  route('PATCH', '/restapis/{restApiId}', 'UpdateRestApi'),
  route('PATCH', '/restapis/{restApiId}/stages/{stageName}', 'UpdateStage'),
];
