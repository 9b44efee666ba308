import type { EdgeRequest } from '../../../core/http.js';
import type { ServiceRegistry } from '../../../core/service.js';
import type { DeploymentSnapshot, StoredMethod, StoredResource, StoredRestApi } from '../model.js';
import type { AuthorizerCache } from './authorizer-cache.js';
import type { ExecutionLog } from './execution-log.js';

/** The request as the client sent it, with the stage prefix removed from the path. */
export interface InvocationRequest {
  method: string;
  /** Path after the stage, still percent-encoded, starting with `/`. */
  path: string;
  /** Header pairs with the case and order the client used. */
  rawHeaders: Array<[string, string]>;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  query: URLSearchParams;
  body: Buffer;
  sourceIp: string;
  /** The Host the client reached, e.g. `abc123.execute-api.localhost:4566`. */
  domainName: string;
}

/** What the gateway answers at the end of the chain. */
export interface InvocationResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer | string;
}

/** One request's way through the chain; each step fills in its part. */
export interface Invocation {
  edge: EdgeRequest;
  services: ServiceRegistry;
  request: InvocationRequest;
  requestId: string;
  extendedRequestId: string;
  requestTimeEpoch: number;
  account: string;
  region: string;
  apiId: string;
  stageName: string;
  api?: StoredRestApi;
  deploymentId?: string;
  snapshot?: DeploymentSnapshot;
  stageVariables: Record<string, string> | null;
  resource?: StoredResource;
  method?: StoredMethod;
  pathParameters: Record<string, string> | null;
  /** The stage's cached authorizer results (absent for TestInvokeMethod). */
  authorizerCache?: AuthorizerCache;
  /** `$context.authorizer`: the Cognito claims once the authorizer let the request in. */
  authorizer?: { claims: Record<string, unknown>; scopes?: string[] };
  /** What the integration request prepared for the integration. */
  integrationRequest?: { payload?: Buffer; mockStatus?: number };
  /** What the integration answered, before the integration response maps it. */
  integrationResult?: { payload: Buffer; functionError?: string; headers?: Record<string, string>; status?: number };
  /** Milliseconds the integration took, when it was called. */
  integrationLatency?: number;
  response?: InvocationResponse;
  /** A TestInvokeMethod call: the authorizer is skipped, as AWS does. */
  testInvoke?: boolean;
  /** The execution log (kept for TestInvokeMethod). */
  log?: ExecutionLog;
}

/** An error the gateway itself answers, through the API's gateway response of that type. */
export class GatewayError extends Error {
  constructor(
    readonly responseType: string,
    message: string,
    /** Status when the gateway response type has none (DEFAULT_4XX / DEFAULT_5XX). */
    readonly status: number,
    /** The `x-amzn-ErrorType` AWS sends with it. */
    readonly errorType?: string,
  ) {
    super(message);
  }
}

export const missingAuthenticationToken = () =>
  new GatewayError('MISSING_AUTHENTICATION_TOKEN', 'Missing Authentication Token', 403, 'MissingAuthenticationTokenException');
export const unauthorized = (message = 'Unauthorized') => new GatewayError('UNAUTHORIZED', message, 401, 'UnauthorizedException');
export const internalServerError = (status = 500, responseType = 'DEFAULT_5XX') =>
  new GatewayError(responseType, 'Internal server error', status, 'InternalServerErrorException');
/** For features the local cloud does not emulate yet: a 500 that says which. */
export const notEmulated = (feature: string) =>
  new GatewayError(
    'API_CONFIGURATION_ERROR',
    `Internal server error: the local cloud does not emulate ${feature} yet`,
    500,
    'InternalServerErrorException',
  );
