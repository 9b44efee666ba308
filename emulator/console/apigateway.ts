import type { GetRestApisCommandOutput, RestApi, Stage } from '@aws-sdk/client-api-gateway';
import type { StoredResource } from '../services/apigateway/model.js';
import { ApiGatewayState } from '../services/apigateway/state.js';
import type { Endpoint } from './endpoint.js';
import type { Scope, ServiceCalls } from './service-calls.js';

const SERVICE = 'apigateway';

/** On the wire list outputs name their array `item`. */
type Listed<T> = Omit<T, 'items'> & { item?: NonNullable<T extends { items?: infer I } ? I : never> };

async function restApis(calls: ServiceCalls): Promise<RestApi[]> {
  const all: RestApi[] = [];
  let position: string | undefined;
  do {
    const page = await calls.rest<Listed<GetRestApisCommandOutput>>(SERVICE, '/restapis', { limit: '500', position });
    all.push(...(page.item ?? []));
    position = page.position;
  } while (position);
  return all;
}

async function stages(calls: ServiceCalls, apiId: string): Promise<Stage[]> {
  const page = await calls.rest<{ item?: Stage[] }>(SERVICE, `/restapis/${encodeURIComponent(apiId)}/stages`);
  return page.item ?? [];
}

function invokeUrls(scope: Scope, apiId: string, stage: string) {
  const port = new URL(scope.edgeUrl).port;
  return {
    pathStyle: `${scope.edgeUrl}/restapis/${apiId}/${stage}/_user_request_`,
    hostStyle: `http://${apiId}.execute-api.localhost${port ? `:${port}` : ''}/${stage}`,
  };
}

export const apis: Endpoint = async ({ calls, scope }) => {
  const all = await restApis(calls);
  return {
    apis: await Promise.all(
      all.map(async (api) => ({
        id: api.id,
        name: api.name,
        description: api.description,
        createdDate: api.createdDate,
        stages: (await stages(calls, api.id!)).map((s) => ({ name: s.stageName, url: invokeUrls(scope, api.id!, s.stageName!).hostStyle })),
      })),
    ),
  };
};

/** The resource tree of a deployment (or of the live definition), sorted by path, each method with its integration. */
function tree(resources: Record<string, StoredResource>, authorizerName: (id: string | undefined) => string | undefined) {
  return Object.values(resources)
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((r) => ({
      id: r.id,
      path: r.path,
      methods: Object.values(r.resourceMethods ?? {})
        .sort((a, b) => (a.httpMethod ?? '').localeCompare(b.httpMethod ?? ''))
        .map((m) => ({
          httpMethod: m.httpMethod,
          authorizationType: m.authorizationType,
          authorizer: authorizerName(m.authorizerId),
          apiKeyRequired: m.apiKeyRequired,
          requestValidatorId: m.requestValidatorId,
          integration: m.methodIntegration && {
            type: m.methodIntegration.type,
            httpMethod: m.methodIntegration.httpMethod,
            uri: m.methodIntegration.uri,
            requestTemplates: Object.keys(m.methodIntegration.requestTemplates ?? {}),
            responses: Object.keys(m.methodIntegration.integrationResponses ?? {}),
            timeoutInMillis: m.methodIntegration.timeoutInMillis,
          },
        })),
    }));
}

/** An API and, per stage, the resource tree of the deployment the stage serves. */
export const api: Endpoint = async ({ calls, params, scope, deps }) => {
  const id = params.required('id', 64);
  const restApi = await calls.rest<RestApi>(SERVICE, `/restapis/${encodeURIComponent(id)}`);
  const state = new ApiGatewayState(deps.store, scope.account, scope.region);
  const stored = state.api(id);
  const nameOf = (authorizers: Record<string, { name?: string }>) => (authorizerId: string | undefined) =>
    authorizerId ? (authorizers[authorizerId]?.name ?? authorizerId) : undefined;
  const deployments = state.deployments(id);
  return {
    api: { id: restApi.id, name: restApi.name, description: restApi.description, createdDate: restApi.createdDate },
    stages: (await stages(calls, id)).map((stage) => {
      const deployment = stage.deploymentId ? deployments.get(stage.deploymentId) : undefined;
      return {
        name: stage.stageName,
        deploymentId: stage.deploymentId,
        deployedAt: deployment?.deployment.createdDate,
        description: stage.description,
        variables: stage.variables ?? {},
        urls: invokeUrls(scope, id, stage.stageName!),
        resources: deployment ? tree(deployment.snapshot.resources, nameOf(deployment.snapshot.authorizers)) : [],
      };
    }),
    /** What the next deployment would freeze. */
    live: tree(stored.resources, nameOf(stored.authorizers)),
  };
};
