import { BadRequestException } from '../errors.js';
import { nowSeconds } from '../lookup.js';
import type { StoredRestApi } from '../model.js';

export function checkStageName(name: string | undefined): string {
  if (!name || name.length > 128 || !/^[a-zA-Z0-9_-]+$/.test(name)) throw new BadRequestException('Stage name only allows a-zA-Z0-9_-');
  return name;
}

export function checkVariables(variables: Record<string, string> | undefined): void {
  for (const [name, value] of Object.entries(variables ?? {})) {
    if (!/^[A-Za-z0-9_]+$/.test(name)) {
      throw new BadRequestException('Stage variable names may only contain alphanumeric characters and underscores');
    }
    if (!/^[A-Za-z0-9\-._~:/?#&=,]+$/.test(value)) {
      throw new BadRequestException('Stage variable values must match the regular expression [A-Za-z0-9-._~:/?#&=,]+');
    }
  }
}

export function newStage(
  name: string,
  deploymentId: string,
  options: { description?: string; variables?: Record<string, string>; tracingEnabled?: boolean; tags?: Record<string, string> },
): StoredRestApi['stages'][string] {
  const now = nowSeconds();
  return {
    stageName: name,
    deploymentId,
    ...(options.description ? { description: options.description } : {}),
    cacheClusterEnabled: false,
    cacheClusterStatus: 'NOT_AVAILABLE',
    methodSettings: {},
    ...(options.variables && Object.keys(options.variables).length ? { variables: options.variables } : {}),
    tracingEnabled: options.tracingEnabled ?? false,
    ...(options.tags && Object.keys(options.tags).length ? { tags: options.tags } : {}),
    createdDate: now,
    lastUpdatedDate: now,
  };
}
