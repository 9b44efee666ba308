import { notFound } from './errors.js';
import type { StoredMethod, StoredResource, StoredRestApi } from './model.js';
import type { ApiGatewayState } from './state.js';

/**
 * The lookups shared by the method/integration operations. AWS answers a wrong API id on these
 * with the resource error, not the API error.
 */
export function findResource(state: ApiGatewayState, apiId: string, resourceId: string): { api: StoredRestApi; resource: StoredResource } {
  const api = state.apis.get(apiId);
  const resource = api?.resources[resourceId];
  if (!api || !resource) throw notFound.resource();
  return { api, resource };
}

export function findMethod(
  state: ApiGatewayState,
  apiId: string,
  resourceId: string,
  httpMethod: string,
): { api: StoredRestApi; resource: StoredResource; method: StoredMethod } {
  const { api, resource } = findResource(state, apiId, resourceId);
  const method = resource.resourceMethods?.[httpMethod];
  if (!method) throw notFound.method();
  return { api, resource, method };
}

/** Sorted the way AWS lists: by id unless a key is given. */
export function paginate<T>(items: T[], position: string | undefined, limit: number | string | undefined, key: (item: T) => string) {
  const size = Math.min(Math.max(Number(limit) || 25, 1), 500);
  let start = 0;
  if (position) {
    const index = items.findIndex((item) => key(item) === position);
    start = index < 0 ? items.length : index;
  }
  const page = items.slice(start, start + size);
  const next = items[start + size];
  return { items: page, position: next ? key(next) : undefined };
}

/** `?embed=methods` arrives as one value, a comma list, or repeated. */
export function embeds(embed: unknown, what: string): boolean {
  const values = Array.isArray(embed) ? embed : typeof embed === 'string' ? [embed] : [];
  return values.some((v) => String(v).split(',').includes(what));
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
