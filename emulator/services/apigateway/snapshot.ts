import type { DeploymentSnapshot, StoredRestApi } from './model.js';

/** What a deployment freezes of an API: later changes take effect only at the next deployment. */
export function snapshotOf(api: StoredRestApi): DeploymentSnapshot {
  return structuredClone({
    resources: api.resources,
    authorizers: api.authorizers,
    gatewayResponses: api.gatewayResponses,
    binaryMediaTypes: api.api.binaryMediaTypes ?? [],
    models: api.models,
    requestValidators: api.requestValidators,
  });
}
