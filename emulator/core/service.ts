import type { EdgeRequest, EdgeResponse } from './http.js';
import type { Store } from './store.js';

/** What every service is given: the shared store and a way to reach its sibling services. */
export interface ServiceContext {
  store: Store;
  /** Sibling services by name, for cross-service calls (API Gateway invoking Lambda, ...). */
  services: ServiceRegistry;
  /** Base URL of the edge for URLs handed out to clients, e.g. http://localhost:4566 */
  edgeUrl(): string;
  log(message: string): void;
  /** IAM policies are enforced on IAM users and assumed roles (EMULATOR_ENFORCE_IAM=1). */
  readonly enforceIam?: boolean;
}

export interface Service {
  /** Health key, e.g. "dynamodb". */
  readonly name: string;
  handle(req: EdgeRequest): Promise<EdgeResponse>;
  health?(): Record<string, unknown>;
  /** Forget all state (the store is cleared by the edge). */
  reset?(): Promise<void>;
  close?(): Promise<void>;
}

export class ServiceRegistry {
  private readonly byName = new Map<string, Service>();
  add(service: Service): void {
    this.byName.set(service.name, service);
  }
  get<S extends Service>(name: string): S {
    const service = this.byName.get(name);
    if (!service) throw new Error(`service ${name} is not running`);
    return service as S;
  }
  has(name: string): boolean {
    return this.byName.has(name);
  }
  all(): Service[] {
    return [...this.byName.values()];
  }
}
