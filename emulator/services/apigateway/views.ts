import type { Resource } from '@aws-sdk/client-api-gateway';
import type { StoredResource, Wire } from './model.js';

/**
 * A resource as AWS answers it: without `embed=methods` each method shows as an empty object,
 * with it the methods come in full (integration and responses included).
 */
export function resourceView(resource: StoredResource, embedMethods: boolean): Wire<Resource> {
  const { resourceMethods, ...rest } = resource;
  const view: Wire<Resource> = { ...rest };
  if (resourceMethods && Object.keys(resourceMethods).length) {
    view.resourceMethods = embedMethods
      ? structuredClone(resourceMethods)
      : Object.fromEntries(Object.keys(resourceMethods).map((m) => [m, {}]));
  }
  return view;
}

export function sortedResources(resources: Record<string, StoredResource>): StoredResource[] {
  return Object.values(resources).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The path of a child under its parent's path. */
export function childPath(parentPath: string, pathPart: string): string {
  return parentPath === '/' ? `/${pathPart}` : `${parentPath}/${pathPart}`;
}
