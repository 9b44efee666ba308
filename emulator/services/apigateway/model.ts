import type {
  Authorizer,
  Deployment,
  GatewayResponse,
  Method,
  Model,
  RequestValidator,
  Resource,
  RestApi,
  Stage,
} from '@aws-sdk/client-api-gateway';

/** A value as it travels in restJson1: timestamps are epoch seconds, not Dates. */
export type Wire<T> = T extends Date ? number : T extends (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

/** An operation's output as serialised: the SDK output without `$metadata`, timestamps as numbers. */
export type Out<T> = Wire<Omit<T, '$metadata'>>;

export type StoredMethod = Wire<Method>;

/** A resource as kept: its methods in full (integration and responses included). */
export interface StoredResource extends Wire<Omit<Resource, 'resourceMethods'>> {
  id: string;
  path: string;
  resourceMethods?: Record<string, StoredMethod>;
}

/** One REST API and everything defined on it, kept as one document. */
export interface StoredRestApi {
  api: Wire<RestApi> & { id: string; rootResourceId: string };
  resources: Record<string, StoredResource>;
  authorizers: Record<string, Wire<Authorizer>>;
  models: Record<string, Wire<Model>>;
  requestValidators: Record<string, Wire<RequestValidator>>;
  /** Only the responses the user put; the defaults are computed. */
  gatewayResponses: Record<string, Wire<GatewayResponse>>;
  stages: Record<string, Wire<Stage> & { stageName: string }>;
}

/** What a deployment freezes: the data plane serves this, never the live definition. */
export interface DeploymentSnapshot {
  resources: Record<string, StoredResource>;
  authorizers: Record<string, Wire<Authorizer>>;
  gatewayResponses: Record<string, Wire<GatewayResponse>>;
  binaryMediaTypes: string[];
  /** Absent from deployments made before models and validators were enforced. */
  models?: Record<string, Wire<Model>>;
  requestValidators?: Record<string, Wire<RequestValidator>>;
}

export interface StoredDeployment {
  deployment: Wire<Deployment> & { id: string };
  snapshot: DeploymentSnapshot;
}

export const HTTP_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'ANY'] as const;
