import type { EdgeRequest } from '../../../core/http.js';
import { functionArn, parseFunctionRef } from '../../lambda/arns.js';
import { ROUTES } from '../../lambda/operations/index.js';
import { FunctionStore, LATEST } from '../../lambda/state.js';
import type { PolicyDocument } from '../policy-evaluator.js';
import { type AccessMapper, jsonBody, type MapperDeps, type RequestedAccess, str } from './access.js';

/** IAM action names that differ from the operation's. */
const ACTIONS: Record<string, string> = { Invoke: 'InvokeFunction' };
const ACCOUNT_LEVEL = new Set(['ListFunctions', 'GetAccountSettings']);

interface CompiledRoute {
  method: string;
  operation: string;
  pattern: RegExp;
  labels: string[];
}

const COMPILED: CompiledRoute[] = ROUTES.map((route) => {
  const labels: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const m = /^\{(\w+)\+?\}$/.exec(segment);
      if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      labels.push(m[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { method: route.method, operation: route.operation, pattern: new RegExp(`^${source}/?$`), labels };
});

function match(req: EdgeRequest): { operation: string; labels: Record<string, string> } | undefined {
  for (const route of COMPILED) {
    if (route.method !== req.method) continue;
    const m = route.pattern.exec(req.rawPath);
    if (!m) continue;
    const labels: Record<string, string> = {};
    route.labels.forEach((label, i) => {
      labels[label] = decodeURIComponent(m[i + 1]!);
    });
    return { operation: route.operation, labels };
  }
  return undefined;
}

/**
 * The function ARN IAM checks, qualified when the request names a qualifier (a policy on
 * `function:f` does not cover `function:f:live`), with the function's resource policy for that
 * qualifier as Lambda keeps it.
 */
function functionAccess(
  req: EdgeRequest,
  deps: MapperDeps,
  action: string,
  name: string,
  qualifier: string | undefined,
): RequestedAccess | undefined {
  let ref: ReturnType<typeof parseFunctionRef>;
  try {
    ref = parseFunctionRef(name, qualifier);
  } catch {
    return undefined;
  }
  const account = ref.account ?? req.account;
  const region = ref.region ?? req.region;
  const access: RequestedAccess = { action, resource: functionArn(region, account, ref.name, ref.qualifier), resourceAccount: account };
  const statements = new FunctionStore(deps.store, account, region).get(ref.name)?.policies[ref.qualifier ?? LATEST]?.statements;
  if (statements?.length) access.resourcePolicy = { Version: '2012-10-17', Statement: statements } as PolicyDocument;
  return access;
}

/** Lambda: the function (qualified when a qualifier is named) of each route, with its resource policy; tags name their resource ARN. */
export const lambdaAccess: AccessMapper = (req, deps) => {
  const matched = match(req);
  if (!matched) return undefined;
  const { operation, labels } = matched;
  const action = `lambda:${ACTIONS[operation] ?? operation}`;
  if (ACCOUNT_LEVEL.has(operation)) return [{ action, resource: '*' }];
  if (labels.Resource) return [{ action, resource: labels.Resource }];
  const name = labels.FunctionName ?? (operation === 'CreateFunction' ? str(jsonBody(req).FunctionName) : undefined);
  if (!name) return undefined;
  const access = functionAccess(req, deps, action, name, req.query.get('Qualifier') ?? undefined);
  return access ? [access] : undefined;
};
