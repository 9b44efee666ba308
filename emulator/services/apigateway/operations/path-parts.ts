import { BadRequestException, ConflictException } from '../errors.js';
import type { StoredResource, StoredRestApi } from '../model.js';

export const isVariable = (pathPart: string | undefined) => !!pathPart && pathPart.startsWith('{') && pathPart.endsWith('}');
export const isGreedy = (pathPart: string | undefined) => !!pathPart && /^\{.+\+\}$/.test(pathPart);

/** The checks AWS makes before a path part joins a parent: syntax, greedy parent, name and variable clashes. */
export function checkNewChild(api: StoredRestApi, parent: StoredResource, pathPart: string | undefined, self?: string): void {
  if (!pathPart || !/^([a-zA-Z0-9._-]+|\{[a-zA-Z0-9._-]+\+?\})$/.test(pathPart)) {
    throw new BadRequestException(
      "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.",
    );
  }
  if (isGreedy(parent.pathPart)) {
    throw new BadRequestException(`Cannot create a child of a resource with a greedy path variable: ${parent.pathPart}`);
  }
  const siblings = Object.values(api.resources).filter((r) => r.parentId === parent.id && r.id !== self);
  if (siblings.some((s) => s.pathPart === pathPart)) {
    throw new ConflictException(`Another resource with the same parent already has this name: ${pathPart}`);
  }
  const variableSibling = isVariable(pathPart) ? siblings.find((s) => isVariable(s.pathPart)) : undefined;
  if (variableSibling) {
    throw new BadRequestException(
      `A sibling (${variableSibling.pathPart}) of this resource already has a variable path part -- only one is allowed`,
    );
  }
}

/** Recomputes `path` for a resource and everything under it (after a move or rename). */
export function repath(api: StoredRestApi, resource: StoredResource): void {
  const parent = resource.parentId ? api.resources[resource.parentId] : undefined;
  if (parent) resource.path = parent.path === '/' ? `/${resource.pathPart}` : `${parent.path}/${resource.pathPart}`;
  for (const child of Object.values(api.resources)) if (child.parentId === resource.id) repath(api, child);
}
