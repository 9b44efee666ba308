import type { EdgeRequest } from '../../../core/http.js';
import type { ServiceRegistry } from '../../../core/service.js';
import type { Store } from '../../../core/store.js';
import type { PolicyDocument } from '../policy-evaluator.js';
import type { IamStorage } from '../storage.js';

/** One permission a request needs: `<service prefix>:<Action>` on a resource. */
export interface RequestedAccess {
  action: string;
  /** The resource's ARN, or `*` for actions that name no resource. */
  resource: string;
  /** A resource-based policy on the resource (bucket policy, role trust policy) and the account owning the resource. */
  resourcePolicy?: PolicyDocument;
  resourceAccount?: string;
}

export interface MapperDeps {
  services: ServiceRegistry;
  iam: IamStorage;
  /** The local cloud's state, for resource policies kept by other services (Lambda function policies). */
  store: Store;
}

/**
 * What a request needs, in order (the first refused one is reported): an empty list when it needs
 * no IAM permission (token-authorised Cognito calls, GetCallerIdentity), undefined when the
 * mapping does not know the request (it is then let through).
 */
export type AccessMapper = (req: EdgeRequest, deps: MapperDeps) => RequestedAccess[] | undefined;

/** The JSON body of an awsJson or restJson request, or an empty object. */
export function jsonBody(req: EdgeRequest): Record<string, unknown> {
  try {
    const parsed: unknown = req.body.length ? JSON.parse(req.body.toString('utf8')) : {};
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The operation named by `X-Amz-Target: Prefix.Operation`. */
export const targetOperation = (req: EdgeRequest) => {
  const target = req.headers['x-amz-target'] ?? '';
  return target.slice(target.indexOf('.') + 1);
};

export const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
