import type { Authorizer, Integration, Model } from '@aws-sdk/client-api-gateway';
import type { DeploymentSnapshot, StoredMethod, StoredResource, StoredRestApi, Wire } from '../model.js';
import { modelSchema, referencedModel } from '../model-schemas.js';

/** What an export is built from: the API's name and description, the deployment the stage serves, where it lives. */
export interface ExportSource {
  api: StoredRestApi;
  snapshot: DeploymentSnapshot;
  /** Deployment date (epoch seconds): the document's version. */
  deployedAt: number;
  stageName: string;
  region: string;
  /** `integrations`, `apigateway`, `authorizers`, `postman`, as given in `?extensions=`. */
  extensions: Set<string>;
}

export const wantsIntegrations = (source: ExportSource) => source.extensions.has('integrations') || source.extensions.has('apigateway');
export const wantsAuthorizers = (source: ExportSource) => source.extensions.has('authorizers') || source.extensions.has('apigateway');
export const wantsApiGateway = (source: ExportSource) => source.extensions.has('apigateway');

/** `2025-11-27T10:04:05Z`. */
export const exportVersion = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const executeApiHost = (source: ExportSource) => `${source.api.api.id}.execute-api.${source.region}.amazonaws.com`;

export interface ExportedMethod {
  path: string;
  /** `get`, `post`, ... or `x-amazon-apigateway-any-method`. */
  key: string;
  resource: StoredResource;
  method: StoredMethod;
}

/** Every deployed method, by resource path, in path order. */
export function exportedMethods(snapshot: DeploymentSnapshot): ExportedMethod[] {
  const resources = Object.values(snapshot.resources).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return resources.flatMap((resource) =>
    Object.entries(resource.resourceMethods ?? {}).map(([verb, method]) => ({
      path: resource.path,
      key: verb === 'ANY' ? 'x-amazon-apigateway-any-method' : verb.toLowerCase(),
      resource,
      method,
    })),
  );
}

export interface ExportedParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
}

/** The path's variables, then the method's declared query string and header parameters. */
export function methodParameters({ resource, method }: ExportedMethod): ExportedParameter[] {
  const params: ExportedParameter[] = [];
  for (const part of resource.path.split('/')) {
    const m = /^\{(.+?)\+?\}$/.exec(part);
    if (m) params.push({ name: m[1]!, in: 'path', required: true });
  }
  for (const [key, required] of Object.entries(method.requestParameters ?? {})) {
    const m = /^method\.request\.(querystring|header|path)\.(.+)$/.exec(key);
    if (!m || m[1] === 'path') continue;
    params.push({ name: m[2]!, in: m[1] === 'querystring' ? 'query' : 'header', required: Boolean(required) });
  }
  return params;
}

/** The models a document needs: those methods name, and those they refer to, transitively. */
export function usedModels(snapshot: DeploymentSnapshot, models: Record<string, Wire<Model>>): string[] {
  const used = new Set<string>();
  const visit = (name: string) => {
    if (used.has(name) || !models[name]) return;
    used.add(name);
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          const ref = key === '$ref' ? referencedModel(value) : undefined;
          if (ref) visit(ref);
          else walk(value);
        }
      }
    };
    walk(modelSchema(models[name]));
  };
  for (const { method } of exportedMethods(snapshot)) {
    for (const name of Object.values(method.requestModels ?? {})) visit(name);
    for (const response of Object.values(method.methodResponses ?? {}))
      for (const name of Object.values(response.responseModels ?? {})) visit(name);
  }
  return [...used].sort();
}

/** A model's schema for the document: without `$schema`, its `$ref`s to other models pointing inside the document. */
export function exportedSchema(model: Wire<Model> | undefined, refPrefix: string): Record<string, unknown> {
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$schema') continue;
      const ref = key === '$ref' ? referencedModel(value) : undefined;
      out[key] = ref ? `${refPrefix}${ref}` : rewrite(value);
    }
    return out;
  };
  return rewrite(modelSchema(model)) as Record<string, unknown>;
}

const lower = (value: string | undefined) => value?.toLowerCase();

/** The `x-amazon-apigateway-integration` object of a method. */
export function integrationExtension(integration: Wire<Integration>): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const response of Object.values(integration.integrationResponses ?? {})) {
    responses[response.selectionPattern || 'default'] = {
      statusCode: response.statusCode,
      ...(response.responseParameters && Object.keys(response.responseParameters).length
        ? { responseParameters: response.responseParameters }
        : {}),
      ...(response.responseTemplates && Object.keys(response.responseTemplates).length
        ? { responseTemplates: response.responseTemplates }
        : {}),
      ...(response.contentHandling ? { contentHandling: response.contentHandling } : {}),
    };
  }
  return {
    type: lower(integration.type),
    ...(integration.httpMethod ? { httpMethod: integration.httpMethod } : {}),
    ...(integration.uri ? { uri: integration.uri } : {}),
    ...(integration.credentials ? { credentials: integration.credentials } : {}),
    ...(integration.connectionType && integration.connectionType !== 'INTERNET' ? { connectionType: integration.connectionType } : {}),
    ...(integration.connectionId ? { connectionId: integration.connectionId } : {}),
    ...(Object.keys(responses).length ? { responses } : {}),
    ...(integration.requestParameters && Object.keys(integration.requestParameters).length
      ? { requestParameters: integration.requestParameters }
      : {}),
    ...(integration.requestTemplates && Object.keys(integration.requestTemplates).length
      ? { requestTemplates: integration.requestTemplates }
      : {}),
    passthroughBehavior: lower(integration.passthroughBehavior ?? 'WHEN_NO_MATCH'),
    ...(integration.contentHandling ? { contentHandling: integration.contentHandling } : {}),
    ...(integration.timeoutInMillis && integration.timeoutInMillis !== 29000 ? { timeoutInMillis: integration.timeoutInMillis } : {}),
    ...(integration.cacheKeyParameters?.length
      ? { cacheNamespace: integration.cacheNamespace, cacheKeyParameters: integration.cacheKeyParameters }
      : {}),
  };
}

/** The security requirement of a method: its authorizer (by name, with its scopes), SigV4, and the API key. */
export function securityRequirement(method: StoredMethod, snapshot: DeploymentSnapshot): Array<Record<string, string[]>> | undefined {
  const requirement: Record<string, string[]> = {};
  if (method.authorizationType === 'COGNITO_USER_POOLS' || method.authorizationType === 'CUSTOM') {
    const authorizer = snapshot.authorizers[method.authorizerId ?? ''];
    if (authorizer?.name) requirement[authorizer.name] = method.authorizationScopes ?? [];
  } else if (method.authorizationType === 'AWS_IAM') {
    requirement.sigv4 = [];
  }
  if (method.apiKeyRequired) requirement.api_key = [];
  return Object.keys(requirement).length ? [requirement] : undefined;
}

/** The security schemes the methods use (OpenAPI 3 `securitySchemes`, Swagger `securityDefinitions`). */
export function securitySchemes(source: ExportSource): Record<string, unknown> {
  const schemes: Record<string, unknown> = {};
  const authorizers = source.snapshot.authorizers;
  for (const { method } of exportedMethods(source.snapshot)) {
    if (method.apiKeyRequired) schemes.api_key = { type: 'apiKey', name: 'x-api-key', in: 'header' };
    if (method.authorizationType === 'AWS_IAM') {
      schemes.sigv4 = { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' };
    }
    const authorizer: Wire<Authorizer> | undefined = authorizers[method.authorizerId ?? ''];
    if (!authorizer?.name || (method.authorizationType !== 'COGNITO_USER_POOLS' && method.authorizationType !== 'CUSTOM')) continue;
    const header = /method\.request\.header\.([^,\s]+)/.exec(authorizer.identitySource ?? '')?.[1] ?? 'Authorization';
    const cognito = authorizer.type === 'COGNITO_USER_POOLS';
    schemes[authorizer.name] = {
      type: 'apiKey',
      name: header,
      in: 'header',
      ...(wantsAuthorizers(source)
        ? {
            'x-amazon-apigateway-authtype': cognito ? 'cognito_user_pools' : 'custom',
            'x-amazon-apigateway-authorizer': cognito
              ? { type: 'cognito_user_pools', providerARNs: authorizer.providerARNs ?? [] }
              : {
                  type: lower(authorizer.type),
                  authorizerUri: authorizer.authorizerUri,
                  ...(authorizer.authorizerCredentials ? { authorizerCredentials: authorizer.authorizerCredentials } : {}),
                  ...(authorizer.authorizerResultTtlInSeconds !== undefined
                    ? { authorizerResultTtlInSeconds: authorizer.authorizerResultTtlInSeconds }
                    : {}),
                  ...(authorizer.identitySource ? { identitySource: authorizer.identitySource } : {}),
                },
          }
        : {}),
    };
  }
  return schemes;
}

/** The `apigateway` extension's API-wide parts: request validators, gateway responses, binary media types. */
export function apiGatewayExtensions(source: ExportSource): Record<string, unknown> {
  if (!wantsApiGateway(source)) return {};
  const validators = Object.values(source.snapshot.requestValidators ?? {});
  const responses = source.snapshot.gatewayResponses;
  return {
    ...(validators.length
      ? {
          'x-amazon-apigateway-request-validators': Object.fromEntries(
            validators.map((v) => [
              v.name ?? v.id,
              { validateRequestBody: v.validateRequestBody, validateRequestParameters: v.validateRequestParameters },
            ]),
          ),
        }
      : {}),
    ...(Object.keys(responses).length
      ? {
          'x-amazon-apigateway-gateway-responses': Object.fromEntries(
            Object.entries(responses).map(([type, r]) => [
              type,
              {
                ...(r.statusCode ? { statusCode: r.statusCode } : {}),
                ...(r.responseParameters && Object.keys(r.responseParameters).length ? { responseParameters: r.responseParameters } : {}),
                ...(r.responseTemplates && Object.keys(r.responseTemplates).length ? { responseTemplates: r.responseTemplates } : {}),
              },
            ]),
          ),
        }
      : {}),
    ...(source.snapshot.binaryMediaTypes.length ? { 'x-amazon-apigateway-binary-media-types': source.snapshot.binaryMediaTypes } : {}),
  };
}

/** The method-level parts of the extensions: its request validator and integration. */
export function methodExtensions(source: ExportSource, method: StoredMethod): Record<string, unknown> {
  const validator = method.requestValidatorId ? source.snapshot.requestValidators?.[method.requestValidatorId] : undefined;
  return {
    ...(wantsApiGateway(source) && validator ? { 'x-amazon-apigateway-request-validator': validator.name ?? validator.id } : {}),
    ...(wantsIntegrations(source) && method.methodIntegration
      ? { 'x-amazon-apigateway-integration': integrationExtension(method.methodIntegration) }
      : {}),
  };
}
