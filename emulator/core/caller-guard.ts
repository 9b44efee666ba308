import type { AwsError } from './errors.js';
import type { EdgeRequest, EdgeResponse } from './http.js';
import { protocolErrorResponse, protocolOf } from './protocol-errors.js';
import type { Service, ServiceRegistry } from './service.js';
import { signatureError } from './sigv4-errors.js';
import { type KnownKey, verifySignature } from './sigv4-verify.js';

/** What the IAM service offers the edge: the keys it issued, and (when enforced) its verdict on a request. */
export interface CallerAuthority {
  secretFor(accessKeyId: string): KnownKey | undefined;
  /** Refuses a request whose caller's policies do not allow it; undefined when allowed. */
  authorize(req: EdgeRequest, service: string): AwsError | undefined;
}

export interface CallerGuardOptions {
  services: ServiceRegistry;
  defaultAccount: string;
  /** Verify SigV4 signatures of known keys (default on; `EMULATOR_VERIFY_SIGNATURES=0` turns it off). */
  verifySignatures: boolean;
  /** Evaluate the IAM policies of IAM users and assumed roles on every request they sign. */
  enforceIam: boolean;
}

/** Data planes are reached unsigned (browsers, curl): their own rules apply, not SigV4. */
const UNSIGNED_PLANES = new Set(['execute-api', 's3-website']);

/**
 * Checks who is calling before a service sees the request: the SigV4 signature of keys the local
 * cloud knows (`test`/`test`, keys and temporary credentials issued through IAM and STS), then,
 * with enforcement on, the caller's IAM policies. Answers the refusal in the service's own wire
 * format, or undefined to let the request through. A verified key's account becomes the
 * request's account.
 */
export function createCallerGuard(options: CallerGuardOptions): (req: EdgeRequest, service: string) => EdgeResponse | undefined {
  const defaultKey: KnownKey = { secretAccessKey: 'test', account: options.defaultAccount, active: true };
  const authority = (): (Service & CallerAuthority) | undefined =>
    options.services.has('iam') ? options.services.get<Service & CallerAuthority>('iam') : undefined;
  const lookup = (accessKeyId: string): KnownKey | undefined => (accessKeyId === 'test' ? defaultKey : authority()?.secretFor(accessKeyId));

  return (req, service) => {
    if (UNSIGNED_PLANES.has(service) || (service === 'cloudfront' && req.headers['x-local-host-id'])) return undefined;
    if (!options.verifySignatures && !options.enforceIam) return undefined;
    const check = verifySignature(req, lookup);
    if (!check.ok) {
      if (options.verifySignatures) {
        return protocolErrorResponse(service, signatureError(check.failure, protocolOf(service)), req.requestId, req.method);
      }
    } else if (check.key) {
      req.account = check.key.account;
    }
    if (options.enforceIam && check.accessKeyId && check.accessKeyId !== 'test') {
      const denied = authority()?.authorize(req, service);
      if (denied) return protocolErrorResponse(service, denied, req.requestId, req.method);
    }
    return undefined;
  };
}
