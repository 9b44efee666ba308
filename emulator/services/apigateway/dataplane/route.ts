import type { StoredMethod, StoredResource } from '../model.js';
import { type Invocation, missingAuthenticationToken } from './context.js';

export interface RouteMatch {
  resource: StoredResource;
  method: StoredMethod;
  pathParameters: Record<string, string>;
}

const variableName = (pathPart: string) => pathPart.slice(1, pathPart.endsWith('+}') ? -2 : -1);

/**
 * Finds the deployed resource and method for a path: literal parts first, then a `{param}`,
 * then a greedy `{proxy+}` (one or more segments); a resource must have the verb or ANY.
 */
export function matchRoute(resources: Record<string, StoredResource>, verb: string, path: string): RouteMatch | undefined {
  const children = new Map<string, StoredResource[]>();
  let root: StoredResource | undefined;
  for (const resource of Object.values(resources)) {
    if (!resource.parentId) root = resource;
    else children.set(resource.parentId, [...(children.get(resource.parentId) ?? []), resource]);
  }
  if (!root) return undefined;
  const segments = path.split('/').filter(Boolean);

  const methodOf = (resource: StoredResource) => resource.resourceMethods?.[verb] ?? resource.resourceMethods?.ANY;

  const walk = (resource: StoredResource, index: number, params: Record<string, string>): RouteMatch | undefined => {
    if (index === segments.length) {
      const method = methodOf(resource);
      return method ? { resource, method, pathParameters: params } : undefined;
    }
    const kids = children.get(resource.id) ?? [];
    const segment = segments[index]!;
    const literal = kids.filter((k) => !k.pathPart?.startsWith('{'));
    const variable = kids.filter((k) => k.pathPart?.startsWith('{') && !k.pathPart.endsWith('+}'));
    const greedy = kids.filter((k) => k.pathPart?.endsWith('+}'));
    for (const kid of literal) {
      if (kid.pathPart !== segment) continue;
      const found = walk(kid, index + 1, params);
      if (found) return found;
    }
    for (const kid of variable) {
      const found = walk(kid, index + 1, { ...params, [variableName(kid.pathPart!)]: segment });
      if (found) return found;
    }
    for (const kid of greedy) {
      const method = methodOf(kid);
      if (method)
        return { resource: kid, method, pathParameters: { ...params, [variableName(kid.pathPart!)]: segments.slice(index).join('/') } };
    }
    return undefined;
  };
  return walk(root, 0, {});
}

/** The route step: which deployed resource and method answer this request. */
export function route(inv: Invocation): void {
  const match = matchRoute(inv.snapshot!.resources, inv.request.method, inv.request.path);
  if (!match) throw missingAuthenticationToken();
  inv.resource = match.resource;
  inv.method = match.method;
  inv.pathParameters = Object.keys(match.pathParameters).length ? match.pathParameters : null;
}
