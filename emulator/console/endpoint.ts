import type { ServiceRegistry } from '../core/service.js';
import type { Store } from '../core/store.js';
import type { Params } from './params.js';
import type { Scope, ServiceCalls } from './service-calls.js';

/** What the console's data modules may read. */
export interface ConsoleDeps {
  services: ServiceRegistry;
  store: Store;
}

export interface ConsoleRequest {
  params: Params;
  scope: Scope;
  /** The services' own operations, called in process for the scope's account and region. */
  calls: ServiceCalls;
  deps: ConsoleDeps;
}

/** One JSON endpoint of the console API: its answer is serialised as is. */
export type Endpoint = (req: ConsoleRequest) => Promise<unknown> | unknown;
