import { Collection, type Store } from '../../core/store.js';
import { notFound } from './errors.js';
import type { StoredDeployment, StoredRestApi } from './model.js';

export interface AccountSettings {
  cloudwatchRoleArn?: string;
}

/** Where API Gateway keeps its state for one account and region. */
export class ApiGatewayState {
  readonly prefix: string;
  readonly apis: Collection<StoredRestApi>;

  constructor(
    private readonly store: Store,
    readonly account: string,
    readonly region: string,
  ) {
    this.prefix = `apigateway/${account}/${region}`;
    this.apis = new Collection<StoredRestApi>(store, `${this.prefix}/restapis`);
  }

  /** The API or AWS's NotFoundException. */
  api(id: string): StoredRestApi {
    const api = this.apis.get(id);
    if (!api) throw notFound.restApi(this.account, id);
    return api;
  }

  saveApi(api: StoredRestApi): void {
    this.apis.put(api.api.id, api);
  }

  deleteApi(id: string): void {
    this.apis.delete(id);
    this.store.deleteAll(`${this.prefix}/deployments/${id}`);
  }

  deployments(apiId: string): Collection<StoredDeployment> {
    return new Collection<StoredDeployment>(this.store, `${this.prefix}/deployments/${apiId}`);
  }

  accountSettings(): AccountSettings {
    return this.store.get<AccountSettings>(`${this.prefix}/account`) ?? {};
  }

  saveAccountSettings(settings: AccountSettings): void {
    this.store.put(`${this.prefix}/account`, settings);
  }

  tags(arn: string): Record<string, string> {
    return this.store.get<Record<string, string>>(`${this.prefix}/tags/${arn}`) ?? {};
  }

  saveTags(arn: string, tags: Record<string, string>): void {
    if (Object.keys(tags).length) this.store.put(`${this.prefix}/tags/${arn}`, tags);
    else this.store.delete(`${this.prefix}/tags/${arn}`);
  }
}

/**
 * Finds which account and region own a REST API id, for data-plane requests that carry no
 * credentials (host-style URLs, browsers). Ids are random, so one id belongs to one place.
 */
export class ApiLocator {
  private readonly known = new Map<string, { account: string; region: string }>();

  constructor(private readonly store: Store) {}

  remember(apiId: string, account: string, region: string): void {
    this.known.set(apiId, { account, region });
  }

  locate(apiId: string): { account: string; region: string } | undefined {
    const cached = this.known.get(apiId);
    if (cached && this.store.peek(`apigateway/${cached.account}/${cached.region}/restapis/${apiId}`)) return cached;
    this.known.delete(apiId);
    for (const key of this.store.keys('apigateway')) {
      const m = /^apigateway\/([^/]+)\/([^/]+)\/restapis\/([^/]+)$/.exec(key);
      if (m && m[3] === apiId) {
        const found = { account: m[1]!, region: m[2]! };
        this.known.set(apiId, found);
        return found;
      }
    }
    return undefined;
  }

  forget(): void {
    this.known.clear();
  }
}
