import { randomUUID } from 'node:crypto';
import type { TestInvokeMethodCommandInput, TestInvokeMethodCommandOutput } from '@aws-sdk/client-api-gateway';
import type { EdgeRequest } from '../../../core/http.js';
import { randomAlphanumeric } from '../../../core/ids.js';
import type { ServiceRegistry } from '../../../core/service.js';
import type { Out, StoredMethod, StoredResource, StoredRestApi } from '../model.js';
import { snapshotOf } from '../snapshot.js';
import type { Invocation } from './context.js';
import { ExecutionLog } from './execution-log.js';
import { runMethod } from './index.js';

/** The path parameters a concrete path gives a resource path template (`/conversations/{id}`). */
function pathParameters(template: string, path: string): Record<string, string> | null {
  const parts = template.split('/').filter(Boolean);
  const segments = path.split('/').filter(Boolean);
  const params: Record<string, string> = {};
  parts.forEach((part, i) => {
    const m = /^\{(.+?)(\+)?\}$/.exec(part);
    if (!m || segments[i] === undefined) return;
    params[m[1]!] = m[2] ? segments.slice(i).join('/') : decodeURIComponent(segments[i]!);
  });
  return Object.keys(params).length ? params : null;
}

export interface TestInvokeTarget {
  services: ServiceRegistry;
  log: (message: string) => void;
  account: string;
  region: string;
  api: StoredRestApi;
  resource: StoredResource;
  method: StoredMethod;
}

/**
 * TestInvokeMethod: runs one method of the API's current definition (not a deployment) with the
 * given path, query string, headers, body and stage variables, without the authorizer, and answers
 * the response with the execution log.
 */
export async function testInvokeMethod(
  target: TestInvokeTarget,
  input: TestInvokeMethodCommandInput,
): Promise<Out<TestInvokeMethodCommandOutput>> {
  const started = Date.now();
  const requestId = randomUUID();
  const [rawPath = '/', queryString = ''] = (input.pathWithQueryString || target.resource.path).split('?');
  const path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
  const rawHeaders: Array<[string, string]> = Object.entries(input.headers ?? {});
  for (const [name, values] of Object.entries(input.multiValueHeaders ?? {})) {
    for (const value of values ?? []) if (!rawHeaders.some(([n, v]) => n === name && v === value)) rawHeaders.push([name, value]);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of rawHeaders)
    headers[name.toLowerCase()] = headers[name.toLowerCase()] ? `${headers[name.toLowerCase()]},${value}` : value;
  const stageVariables = input.stageVariables && Object.keys(input.stageVariables).length ? input.stageVariables : null;
  const inv: Invocation = {
    edge: undefined as unknown as EdgeRequest,
    services: target.services,
    request: {
      method: target.method.httpMethod ?? input.httpMethod!,
      path,
      rawHeaders,
      headers,
      query: new URLSearchParams(queryString),
      body: Buffer.from(input.body ?? '', 'utf8'),
      sourceIp: 'test-invoke-source-ip',
      domainName: 'testPrefix.testDomainName',
    },
    requestId,
    extendedRequestId: `${randomAlphanumeric(15)}=`,
    requestTimeEpoch: started,
    account: target.account,
    region: target.region,
    apiId: target.api.api.id,
    stageName: 'test-invoke-stage',
    api: target.api,
    deploymentId: 'test-invoke-deployment-id',
    snapshot: snapshotOf(target.api),
    stageVariables,
    resource: target.resource,
    method: target.method,
    pathParameters: pathParameters(target.resource.path, path),
    testInvoke: true,
    log: new ExecutionLog(requestId),
  };
  await runMethod(inv, target.log);
  const response = inv.response!;
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    const values = Array.isArray(value) ? value : [value];
    single[name] = values.at(-1) ?? '';
    multi[name] = values;
  }
  return {
    status: response.status,
    body: Buffer.isBuffer(response.body) ? response.body.toString('utf8') : response.body,
    headers: single,
    multiValueHeaders: multi,
    log: inv.log!.text(),
    latency: Date.now() - started,
  };
}
